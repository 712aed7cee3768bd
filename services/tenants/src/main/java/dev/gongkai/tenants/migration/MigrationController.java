package dev.gongkai.tenants.migration;

import dev.gongkai.contract.MigrationStates;
import dev.gongkai.contract.MigrationSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration")
class MigrationController {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationController.class);

    private final TenantMigrations migrations;
    private final SchemaStates states;

    MigrationController(TenantMigrations migrations, SchemaStates states) {
        this.migrations = migrations;
        this.states = states;
    }

    @GetMapping("/migrations")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Migration state of every agency schema",
            description = "Per agency: change sets applied, the last one and when, how many of this build's tenant "
                    + "changelog are pending and how many applied ones it does not know; read from the schemas' "
                    + "history tables, without running Liquibase.")
    MigrationStates migrations() {
        return states.read();
    }

    @PostMapping("/migrate-all")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Apply the tenant changelog to every agency schema",
            description = "Same as `java -jar tenants.jar migrate-all`. 200 when every schema is current, 500 with "
                    + "the per-schema results when any failed.")
    ResponseEntity<MigrationSummary> migrateAll() {
        var summary = migrations.migrateAll(result -> {
            if (result.failed()) {
                // The console names the failed agencies; why each failed is for the operators, here.
                LOG.warn(
                        "migrate-all: schema {} of agency {} failed: {}",
                        result.schema(),
                        result.agency().value(),
                        result.error());
            }
        });
        return ResponseEntity.status(summary.failed() == 0 ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new MigrationSummary(
                        summary.total(),
                        summary.migrated(),
                        summary.upToDate(),
                        summary.failed(),
                        summary.results().stream()
                                .map(r -> new MigrationSummary.SchemaResult(
                                        r.agency().value(),
                                        r.schema(),
                                        r.outcome(),
                                        r.appliedChangeSets(),
                                        r.millis(),
                                        r.error()))
                                .toList()));
    }
}
