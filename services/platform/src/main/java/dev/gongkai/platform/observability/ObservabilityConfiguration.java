package dev.gongkai.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Metrics of our own next to Boot's (HTTP requests by route template and status, JVM, pool): cache lookups,
 * outbox lag and reports by status, and the cap on agency tag values. See {@code docs/observability.md}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
public class ObservabilityConfiguration {

    /** The most agency tag values one meter may carry per process; see {@link AgencyTagLimit}. */
    static final int AGENCY_TAG_VALUES = 200;

    @Bean
    MeterFilter agencyTagLimit(Environment env) {
        return new AgencyTagLimit(
                env.getProperty("gongkai.observability.max-agency-tag-values", Integer.class, AGENCY_TAG_VALUES));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MeterRegistry.class)
    CacheMetrics cacheMetrics(MeterRegistry registry) {
        return new MicrometerCacheMetrics(registry);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({MeterRegistry.class, DSLContext.class})
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "gongkai.observability.database-gauges.enabled", havingValue = "true")
    static class DatabaseGaugesConfiguration {

        @Bean
        DatabaseGauges databaseGauges(DSLContext dsl, MeterRegistry registry, Environment env) {
            return new DatabaseGauges(
                    dsl,
                    registry,
                    env.getProperty(
                            "gongkai.observability.database-gauges.interval", Duration.class, Duration.ofSeconds(30)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class RequestLogConfiguration {

        /** Inside the tenancy filter (order -90), so the agency is in the MDC when the line is written. */
        static final int INSIDE_TENANCY = -100 + 20;

        @Bean
        FilterRegistrationBean<RequestLog> requestLog() {
            var registration = new FilterRegistrationBean<>(new RequestLog());
            registration.setOrder(INSIDE_TENANCY);
            return registration;
        }
    }
}
