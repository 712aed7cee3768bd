package dev.gongkai.publishing.revisions;

import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.tenancy.AgencyDsl;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RevisionsConfiguration {

    @Bean
    ProcessedEvents processedEvents(DSLContext dsl) {
        return new ProcessedEvents(dsl);
    }

    @Bean
    PublicationRecorder publicationRecorder(DSLContext dsl, AgencyDsl agencies, AgencyRegistry registry) {
        return new PublicationRecorder(dsl, agencies, registry);
    }

    @Bean
    ReportStateProjection reportStateProjection(DSLContext dsl, AgencyRegistry registry) {
        return new ReportStateProjection(dsl, registry);
    }

    @Bean
    PublishedRevisions publishedRevisions(AgencyDsl agencies) {
        return new PublishedRevisions(agencies);
    }

    @Bean
    ReportStates reportStates(DSLContext dsl) {
        return new ReportStates(dsl);
    }
}
