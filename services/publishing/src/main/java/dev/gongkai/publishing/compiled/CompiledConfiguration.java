package dev.gongkai.publishing.compiled;

import dev.gongkai.publishing.compliance.OfficeScope;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportStates;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CompiledConfiguration {

    @Bean
    CompiledRevisions compiledRevisions(DSLContext dsl, JsonMapper json, Clock clock) {
        return new CompiledRevisions(dsl, json, clock);
    }

    @Bean
    CompiledReports compiledReports(
            OfficeScope scope,
            ReportStates states,
            PublishedRevisions revisions,
            DSLContext dsl,
            JsonMapper json,
            CompiledRevisions published,
            TransactionTemplate transactions) {
        return new CompiledReports(scope, states, revisions, new CompiledDrafts(dsl, json), published, transactions);
    }
}
