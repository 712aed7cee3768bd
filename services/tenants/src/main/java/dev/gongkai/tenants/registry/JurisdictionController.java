package dev.gongkai.tenants.registry;

import dev.gongkai.contract.JurisdictionView;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/jurisdictions")
@Tag(name = "Jurisdictions", description = "辖区 — cities and districts, each supervised by one disclosure office")
class JurisdictionController {

    private final RegistryQueries queries;
    private final Jurisdictions jurisdictions;

    JurisdictionController(RegistryQueries queries, Jurisdictions jurisdictions) {
        this.queries = queries;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping
    @Operation(summary = "List jurisdictions", description = "Platform admins: all; office staff: their own.")
    List<JurisdictionView> list(Caller caller) {
        return queries.jurisdictions(caller);
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One jurisdiction", description = "404 unless the caller may see it.")
    JurisdictionView get(Caller caller, @PathVariable JurisdictionSlug slug) {
        return queries.jurisdiction(caller, slug);
    }

    @PostMapping
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(summary = "Create a jurisdiction", description = "Idempotent: 200 when it already exists unchanged.")
    ResponseEntity<JurisdictionView> create(@Valid @RequestBody CreateJurisdiction command) {
        boolean created = jurisdictions.ensure(command);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(queries.jurisdictionForAdmin(JurisdictionSlug.of(command.slug())));
    }
}
