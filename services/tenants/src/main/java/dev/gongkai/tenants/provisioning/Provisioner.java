package dev.gongkai.tenants.provisioning;

import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.contract.ProvisioningReport;
import dev.gongkai.contract.ProvisioningReport.StepOutcome;
import dev.gongkai.contract.ProvisioningReport.StepResult;
import dev.gongkai.contract.ProvisioningStep;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.DomainException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.outbox.Outbox;
import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.tenants.keycloak.Organizations;
import dev.gongkai.tenants.registry.RegistryStore;
import dev.gongkai.tenants.users.MembershipStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisions an agency as a sequence of {@link ProvisioningStep}s. Every step looks at the real state first (row
 * present? schema present? change sets applied? organization with this alias?) and only then acts, and its
 * completion is recorded in {@code core.provisioning_step}. So a run killed between any two steps finishes when run
 * again, and a second run of a finished provisioning changes nothing.
 */
@Service
public class Provisioner {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);
    static final String STEP_TIMER = "gongkai.provisioning.step";

    private final AgencyRegistry registry;
    private final RegistryStore store;
    private final SchemaMigrator migrator;
    private final Organizations organizations;
    private final MembershipStore memberships;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ObjectProvider<ProvisioningListener> listeners;
    private final MeterRegistry meters;

    Provisioner(
            AgencyRegistry registry,
            RegistryStore store,
            SchemaMigrator migrator,
            Organizations organizations,
            MembershipStore memberships,
            Outbox outbox,
            TransactionTemplate tx,
            ObjectProvider<ProvisioningListener> listeners,
            ObjectProvider<MeterRegistry> meters) {
        this.registry = registry;
        this.store = store;
        this.migrator = migrator;
        this.organizations = organizations;
        this.memberships = memberships;
        this.outbox = outbox;
        this.tx = tx;
        this.listeners = listeners;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    public ProvisioningReport provision(ProvisionAgency command) {
        AgencySlug slug = AgencySlug.of(command.slug());
        JurisdictionSlug jurisdiction = parseJurisdiction(command.jurisdiction());
        AgencySlug parent =
                command.parent() == null || command.parent().isBlank() ? null : parseParent(command.parent());

        List<StepResult> results = new ArrayList<>();
        String initialPassword = null;
        for (ProvisioningStep step : ProvisioningStep.values()) {
            if (needsKeycloak(step) && !organizations.enabled()) {
                results.add(new StepResult(step, StepOutcome.SKIPPED));
                continue;
            }
            Timer.Sample timing = Timer.start(meters);
            boolean changed;
            try {
                changed = switch (step) {
                    case REGISTER -> register(slug, command, jurisdiction, parent);
                    case CREATE_SCHEMA -> migrator.createAgencySchema(slug);
                    case MIGRATE_SCHEMA -> migrate(slug);
                    case CREATE_ORGANIZATION ->
                        keycloak(
                                step,
                                () -> organizations.ensureOrganization(slug, command.nameZh())
                                        != Organizations.Change.UNCHANGED);
                    case CREATE_FIRST_ADMIN -> {
                        var admin = keycloak(
                                step,
                                () -> organizations.ensureMember(slug, command.adminUsername(), command.adminEmail()));
                        initialPassword = admin.initialPassword();
                        // Admin of this agency only: an existing user keeps exactly the roles they hold elsewhere.
                        boolean granted =
                                memberships.grant(admin.userId(), admin.username(), slug, Set.of(Roles.AGENCY_ADMIN));
                        yield admin.change() != Organizations.Change.UNCHANGED || granted;
                    }
                };
            } catch (RuntimeException e) {
                timing.stop(stepTimer(slug, step, "FAILED"));
                throw e;
            }
            timing.stop(stepTimer(slug, step, changed ? StepOutcome.DONE.name() : StepOutcome.ALREADY_DONE.name()));
            boolean last = step == lastStep();
            tx.executeWithoutResult(status -> {
                // The event goes with the first recording of the last step: exactly once, however many runs.
                if (store.recordStep(slug, step.name()) && last) {
                    outbox.publish(
                            "agency:" + slug,
                            new AgencyProvisioned(
                                    slug.value(),
                                    command.nameZh(),
                                    command.kind().name(),
                                    jurisdiction.value()));
                }
            });
            results.add(new StepResult(step, changed ? StepOutcome.DONE : StepOutcome.ALREADY_DONE));
            listeners.orderedStream().forEach(l -> l.stepCompleted(slug, step));
        }
        boolean anyDone = results.stream().anyMatch(r -> r.outcome() == StepOutcome.DONE);
        return new ProvisioningReport(
                slug.value(),
                anyDone ? ProvisioningReport.Outcome.PROVISIONED : ProvisioningReport.Outcome.UNCHANGED,
                results,
                organizations.enabled() ? command.adminUsername() : null,
                initialPassword);
    }

    /**
     * One timer per step, outcome and agency. The agency tag is allowed here because its cardinality is bounded:
     * an agency is provisioned once (a repeat finds every step ALREADY_DONE), and the platform caps the agency
     * values of any meter (see docs/observability.md). Per-request meters never carry it.
     */
    private Timer stepTimer(AgencySlug slug, ProvisioningStep step, String outcome) {
        return Timer.builder(STEP_TIMER)
                .description("Duration of one provisioning step of one agency")
                .tag("step", step.name())
                .tag("outcome", outcome)
                .tag("agency", slug.value())
                .register(meters);
    }

    /** Keycloak trouble is the upstream's, and the steps done so far are kept: say so, and that a retry resumes. */
    private static <T> T keycloak(ProvisioningStep step, Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Provisioning step {} failed", step, e);
            throw new ApiException(ProblemCode.KEYCLOAK_FAILED, step)
                    .variant("provisioning-step")
                    .with("step", step.name());
        }
    }

    private ProvisioningStep lastStep() {
        return organizations.enabled() ? ProvisioningStep.CREATE_FIRST_ADMIN : ProvisioningStep.MIGRATE_SCHEMA;
    }

    private boolean register(
            AgencySlug slug, ProvisionAgency command, JurisdictionSlug jurisdiction, AgencySlug parent) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (registry.findJurisdiction(jurisdiction).isEmpty()) {
                throw new ApiException(ProblemCode.JURISDICTION_NOT_FOUND, jurisdiction).atField("jurisdiction");
            }
            if (parent != null && registry.find(parent).isEmpty()) {
                throw new ApiException(ProblemCode.AGENCY_PARENT_NOT_FOUND, parent).atField("parent");
            }
            if (store.insertAgency(slug, command.nameZh(), command.kind(), parent, jurisdiction)) {
                return true;
            }
            Agency existing = registry.find(slug).orElseThrow();
            if (!RegistryStore.sameAgency(existing, command.nameZh(), command.kind(), parent, jurisdiction)) {
                throw new ApiException(ProblemCode.AGENCY_EXISTS, slug).atField("slug");
            }
            return false;
        }));
    }

    private boolean migrate(AgencySlug slug) {
        MigrationResult result = migrator.migrateAgency(slug);
        if (result.failed()) {
            throw new IllegalStateException("Migrating " + result.schema() + " failed: " + result.error());
        }
        return result.outcome() == MigrationOutcome.MIGRATED;
    }

    private static JurisdictionSlug parseJurisdiction(String value) {
        return JurisdictionSlug.of(value);
    }

    private static AgencySlug parseParent(String value) {
        try {
            return AgencySlug.of(value);
        } catch (DomainException e) {
            throw e.toApiException().atField("parent");
        }
    }

    /** The steps that talk to Keycloak, skipped when the tenants service runs without it. */
    private static boolean needsKeycloak(ProvisioningStep step) {
        return step == ProvisioningStep.CREATE_ORGANIZATION || step == ProvisioningStep.CREATE_FIRST_ADMIN;
    }
}
