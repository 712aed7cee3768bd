package dev.gongkai.reports.attachments;

import dev.gongkai.contract.AttachmentView;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Attachments of the agency's report, and the office's read access to them. */
@RestController
class AttachmentController {

    private final Attachments attachments;
    private final AgencyAccess access;
    private final AgencyDsl agencyDsl;
    private final ReportStore reports;

    AttachmentController(Attachments attachments, AgencyAccess access, AgencyDsl agencyDsl, ReportStore reports) {
        this.attachments = attachments;
        this.access = access;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
    }

    @PostMapping("/api/reports/{year}/attachments")
    ResponseEntity<AttachmentView> add(
            ActingAgency acting,
            @PathVariable int year,
            @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        Permissions.requireMember(acting, Roles.AGENCY_EDITOR, Roles.AGENCY_APPROVER);
        if (file == null) {
            throw new ApiException(ProblemCode.ATTACHMENT_FILE_REQUIRED).atField("file");
        }
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw Attachments.tooLarge();
        }
        var saved = attachments.add(acting, year, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/reports/" + year + "/attachments/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/api/reports/{year}/attachments")
    List<AttachmentView> list(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return attachments.list(acting, year);
    }

    @GetMapping("/api/reports/{year}/attachments/{id}")
    ResponseEntity<byte[]> download(ActingAgency acting, @PathVariable int year, @PathVariable long id) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return file(attachments.download(acting, year, id));
    }

    @DeleteMapping("/api/reports/{year}/attachments/{id}")
    ResponseEntity<Void> remove(ActingAgency acting, @PathVariable int year, @PathVariable long id) {
        Permissions.requireMember(acting, Roles.AGENCY_EDITOR, Roles.AGENCY_APPROVER);
        attachments.remove(acting, year, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/office/reports/{agency}/{year}/attachments/{id}")
    ResponseEntity<byte[]> officeDownload(
            Caller caller, @PathVariable AgencySlug agency, @PathVariable int year, @PathVariable long id) {
        ActingAgency acting = Permissions.supervised(access, caller, agency);
        reports.requireVisibleToOffice(agencyDsl.of(acting), year);
        return file(attachments.download(acting, year, id));
    }

    private static ResponseEntity<byte[]> file(Attachments.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Digest", "sha-256=" + download.sha256())
                .body(download.content());
    }
}
