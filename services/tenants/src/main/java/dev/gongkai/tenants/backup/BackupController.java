package dev.gongkai.tenants.backup;

import dev.gongkai.platform.agency.AgencySlug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/admin/agencies")
@Tag(name = "Administration")
class BackupController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final AgencyBackups backups;

    BackupController(AgencyBackups backups) {
        this.backups = backups;
    }

    @GetMapping("/{slug}/export")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Export one agency (schema data and registry rows) as a zip",
            description = "Same as `java -jar tenants.jar export-agency <slug> <file>`.")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String slug) {
        AgencySlug agency = AgencySlug.of(slug);
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + agency.value() + ".zip\"")
                .body(out -> backups.export(agency, out));
    }

    @PostMapping(
            path = "/restore",
            consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Restore one agency from an export into this database",
            description = "Same as `java -jar tenants.jar restore-agency <file>`. 409 when the agency already has "
                    + "data here or the export is at another changelog state; nothing is changed then.")
    RestoreResult restore(HttpServletRequest request) throws IOException {
        Path file = Files.createTempFile("gongkai-restore-", ".zip");
        try {
            Files.copy(request.getInputStream(), file, StandardCopyOption.REPLACE_EXISTING);
            var restored = backups.restore(file, line -> {});
            return new RestoreResult(restored.agency(), restored.lines());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    record RestoreResult(String agency, List<String> report) {}
}
