package dev.gongkai.publishing.compiled;

import dev.gongkai.publishing.compliance.OfficeScope;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CompiledConfiguration {

    @Bean
    CompiledReports compiledReports(OfficeScope scope, ReportStates states, PublishedRevisions revisions) {
        return new CompiledReports(scope, states, revisions);
    }
}
