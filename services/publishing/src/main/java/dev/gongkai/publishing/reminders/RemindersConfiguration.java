package dev.gongkai.publishing.reminders;

import dev.gongkai.contract.China;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.publishing.compliance.Compliance;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RemindersConfiguration {

    @Bean
    Reminders reminders(
            DSLContext dsl,
            AgencyRegistry registry,
            Compliance compliance,
            @Value("${gongkai.reminders.webhook-timeout:10s}") Duration webhookTimeout,
            JsonMapper json,
            Clock clock,
            @Value("${gongkai.reminders.webhook-url:}") String webhookUrl) {
        return new Reminders(
                dsl,
                registry,
                compliance,
                webhookTimeout,
                json,
                clock,
                webhookUrl == null || webhookUrl.isBlank() ? null : URI.create(webhookUrl.trim()));
    }

    /** Hourly by default: runs are idempotent, and failed webhook deliveries are retried on the next one. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "gongkai.reminders.scheduled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {

        private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

        private final Reminders reminders;

        Scheduling(Reminders reminders) {
            this.reminders = reminders;
        }

        @Scheduled(cron = "${gongkai.reminders.cron:0 5 * * * *}", zone = China.ZONE_ID)
        void remind() {
            try {
                reminders.run();
            } catch (RuntimeException e) {
                log.warn("Reminder run failed; the next run catches up: {}", e.getMessage());
            }
        }
    }
}
