package dev.gongkai.tenants.registry;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.AgencyStatus;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.outbox.Outbox;
import dev.gongkai.tenants.keycloak.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suspend, archive and activate. The registry changes first (so every service refuses a suspended agency at once),
 * then its Keycloak Organization is disabled or enabled; if Keycloak fails, repeating the call completes it.
 */
@Service
class AgencyLifecycle {

    private final AgencyRegistry registry;
    private final RegistryStore store;
    private final Organizations organizations;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    AgencyLifecycle(AgencyRegistry registry, RegistryStore store, Organizations organizations, Outbox outbox,
                    TransactionTemplate tx) {
        this.registry = registry;
        this.store = store;
        this.organizations = organizations;
        this.outbox = outbox;
        this.tx = tx;
    }

    record AgencyStatusChanged(String agency, AgencyStatus status) {
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
