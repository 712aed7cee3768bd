package dev.gongkai.publishing.compliance;

import dev.gongkai.contract.China;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.tenancy.AgencyAccess;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    /** "Today" for days left, days late and reminders is the date in China; tests replace this clock. */
    @Bean
    Clock publishingClock() {
        return Clock.system(China.ZONE);
    }

    @Bean
    Compliance compliance(org.jooq.DSLContext dsl, OfficeScope scope, Clock clock) {
        return new Compliance(dsl, scope, clock);
    }

    @Bean
    OfficeScope officeScope(AgencyAccess access, AgencyRegistry registry) {
        return new OfficeScope(access, registry);
    }
}
