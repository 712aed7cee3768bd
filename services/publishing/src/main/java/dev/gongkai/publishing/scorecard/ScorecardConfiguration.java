package dev.gongkai.publishing.scorecard;

import dev.gongkai.publishing.compliance.Compliance;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ScorecardConfiguration {

    @Bean
    ScorecardPacks scorecardPacks(DSLContext dsl, JsonMapper json) {
        return new ScorecardPacks(dsl, json);
    }

    @Bean
    Scorecards scorecards(Compliance compliance, PublishedRevisions revisions, ScorecardPacks packs, Clock clock) {
        return new Scorecards(compliance, revisions, packs, clock);
    }
}
