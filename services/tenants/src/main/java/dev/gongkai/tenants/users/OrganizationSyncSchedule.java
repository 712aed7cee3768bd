package dev.gongkai.tenants.users;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retries Keycloak's side of removals that failed ({@link OrganizationSync}) while the service runs; a command
 * ({@code migrate-all}, …) has no schedule.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class OrganizationSyncSchedule {

    private final OrganizationSync sync;

    OrganizationSyncSchedule(OrganizationSync sync) {
        this.sync = sync;
    }

    @Scheduled(
            fixedDelayString = "${gongkai.keycloak.sync.interval:30s}",
            initialDelayString = "${gongkai.keycloak.sync.interval:30s}")
    void retryDue() {
        sync.runDue();
    }
}
