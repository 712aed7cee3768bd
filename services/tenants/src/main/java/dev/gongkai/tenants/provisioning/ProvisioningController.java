package dev.gongkai.tenants.provisioning;

import dev.gongkai.contract.ProvisioningReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Provisioning writes into the registry, never the other way round: its endpoint lives here. */
@RestController
@RequestMapping("/api/agencies")
@Tag(name = "Agencies", description = "机构名录与开通 — the registry of agencies (tenants) and their provisioning")
class ProvisioningController {

    private final Provisioner provisioner;

    ProvisioningController(Provisioner provisioner) {
        this.provisioner = provisioner;
    }

    @PostMapping
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Provision an agency",
            description = "Idempotent and resumable: repeat it after any failure. "
                    + "201 when something was created, 200 when everything already existed.")
    ResponseEntity<ProvisioningReport> provision(@Valid @RequestBody ProvisionAgency command) {
        ProvisioningReport report = provisioner.provision(command);
        return ResponseEntity.status(
                        report.outcome() == ProvisioningReport.Outcome.PROVISIONED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(report);
    }
}
