package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.publishing.PublishingProperties;
import dev.gongkai.publishing.cache.DocumentCache;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    @Bean
    PublicReports publicReports(AgencyRegistry registry, ReportStates states, PublishedRevisions revisions,
                                PublicationPointer pointer, DocumentCache cache, PublishingProperties properties) {
        return new PublicReports(registry, states, revisions, pointer, cache, new ReportPdf(properties.pdfFont()),
                properties.cache().registryTtl());
    }
}
