package dev.gongkai.tenants.registry;

import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.outbox.Outbox;
import dev.gongkai.tenants.keycloak.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suspend, archive and activate; whether the agency's admins manage its branches' users ({@link BranchDelegation}).
 * Every change is an event in the outbox, written in the transaction of the change.
 * <p>
 * Suspend, archive and activate: The registry changes first (so every service refuses a suspended agency at once),
 * then its Keycloak Organization is disabled or enabled; if Keycloak fails, repeating the call completes it.
 */
@Service
class AgencyLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgencyLifecycle.class);

    private final AgencyRegistry registry;
    private final RegistryStore store;
    private final Organizations organizations;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    AgencyLifecycle(
            AgencyRegistry registry,
            RegistryStore store,
            Organizations organizations,
            Outbox outbox,
            TransactionTemplate tx) {
        this.registry = registry;
        this.store = store;
        this.organizations = organizations;
        this.outbox = outbox;
        this.tx = tx;
    }

    record AgencyStatusChanged(String agency, AgencyStatus status) {}

    record BranchDelegationChanged(String agency, boolean branchUsersDelegated) {}

    /** Sets or clears the flag; setting it again changes nothing and records nothing. */
    Agency delegateBranchUsers(AgencySlug slug, boolean delegated) {
        tx.executeWithoutResult(s -> {
            registry.find(slug).orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
            if (store.setBranchUsersDelegated(slug, delegated)) {
                outbox.publish("agency:" + slug, new BranchDelegationChanged(slug.value(), delegated));
                log.info(
                        "Agency {}: branch users {} by its admins",
                        slug,
                        delegated ? "now managed" : "no longer managed");
            }
        });
        return registry.find(slug).orElseThrow();
    }

    Agency changeStatus(AgencySlug slug, AgencyStatus status) {
        tx.executeWithoutResult(s -> {
            registry.find(slug).orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
            if (store.setStatus(slug, status)) {
                outbox.publish("agency:" + slug, new AgencyStatusChanged(slug.value(), status));
            }
        });
        if (organizations.enabled()) {
            try {
                organizations.setEnabled(slug, status == AgencyStatus.ACTIVE);
            } catch (RuntimeException e) {
                throw new ApiException(ProblemCode.KEYCLOAK_FAILED).variant("agency-status");
            }
        }
        return registry.find(slug).orElseThrow();
    }
}
