package dev.gongkai.platform;

import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.Memberships;
import dev.gongkai.platform.outbox.Outbox;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.platform.tenancy.AgencyDsl;
import java.sql.DriverManager;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The platform's data-side components, available to every service that depends on this library. */
@AutoConfiguration(afterName = "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration")
public class PlatformConfiguration {

    /** PostgreSQL is the only database we run on; jOOQ must not fall back to its DEFAULT dialect. */
    @Bean
    DefaultConfigurationCustomizer postgresDialect() {
        return configuration -> configuration.set(SQLDialect.POSTGRES);
    }

    @Bean
    @ConditionalOnMissingBean
    AgencyRegistry agencyRegistry(DSLContext dsl) {
        return new AgencyRegistry(dsl);
    }

    @Bean
    @ConditionalOnMissingBean
    AgencyAccess agencyAccess(AgencyRegistry registry) {
        return new AgencyAccess(registry);
    }

    /** Who acted, as every service records them: full name and the name of the agency they acted for. */
    @Bean
    @ConditionalOnMissingBean
    Actors actors(AgencyRegistry registry) {
        return new Actors(registry);
    }

    /** Agency and office roles per user, kept {@code gongkai.tenancy.membership-ttl} (15 s) per instance. */
    @Bean
    @ConditionalOnMissingBean
    Memberships memberships(DSLContext dsl, @Value("${gongkai.tenancy.membership-ttl:PT15S}") Duration ttl) {
        return new Memberships(dsl, ttl);
    }

    @Bean
    @ConditionalOnMissingBean
    AgencyDsl agencyDsl(DSLContext dsl) {
        return new AgencyDsl(dsl);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DSLContext dsl, JsonMapper json) {
        return new Outbox(dsl, json);
    }

    /** Migrations use their own physical connections, never pooled ones (see {@link SchemaMigrator}). */
    @Bean
    @ConditionalOnMissingBean
    SchemaMigrator schemaMigrator(Environment env) {
        String url = env.getRequiredProperty("spring.datasource.url");
        String user = env.getProperty("spring.datasource.username", "postgres");
        String password = env.getProperty("spring.datasource.password", "");
        return new SchemaMigrator(() -> DriverManager.getConnection(url, user, password));
    }
}
