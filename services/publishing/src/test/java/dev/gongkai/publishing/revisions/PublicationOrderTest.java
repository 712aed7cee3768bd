package dev.gongkai.publishing.revisions;

import static dev.gongkai.platform.jooq.agency_template.Tables.PUBLISHED_REVISION;
import static dev.gongkai.platform.jooq.core.Tables.PUBLICATION;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Published revisions are numbered and ordered by the reports service's own sequence, whatever the arrival order. */
@PublishingTest
class PublicationOrderTest {

    @TestTenant(jurisdiction = "order-city", nameZh = "顺序测试局")
    ManagedAgency agency;

    @Autowired
    Events events;

    @Autowired
    PublishedRevisions revisions;

    @Autowired
    DSLContext dsl;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    dev.gongkai.publishing.relay.EventStream stream;

    @Autowired
    JsonMapper json;

    @Test
    void aCorrectionDeliveredBeforeItsOriginalIsStillTheCurrentRevision() {
        Instant first = Reports.beijing(2024, 1, 20);
        Instant corrected = Reports.beijing(2024, 3, 1);
        ReportPublished original = publication(1, first, false, null, 3);
        ReportPublished correction = publication(2, corrected, true, "更正数字", 4);

        events.write(agency, correction);
        events.pump();
        events.write(agency, original);
        events.pump();

        assertCorrectionIsCurrent(original, correction);
        var state = stateRow();

        // The same events once more (a relay that crashed before marking them sent, a claim of a stale entry).
        replay(correction);
        replay(original);
        events.pump();

        assertCorrectionIsCurrent(original, correction);
        assertThat(stateRow()).isEqualTo(state);
    }

    @Test
    void theCurrentPointerNeverMovesBackWhenAnOlderCorrectionArrivesLast() {
        ReportPublished one = publication(1, Reports.beijing(2024, 1, 10), false, null, 3);
        ReportPublished three = publication(3, Reports.beijing(2024, 5, 1), true, "第二次更正", 5);
        ReportPublished two = publication(2, Reports.beijing(2024, 3, 1), true, "第一次更正", 4);

        events.write(agency, three);
        events.write(agency, one);
        events.pump();
        events.write(agency, two);
        events.pump();

        assertThat(revisions.current(agency.slug(), 2023).orElseThrow().number())
                .isEqualTo(3);
        assertThat(revisions.history(agency.slug(), 2023))
                .extracting(RevisionSummary::number, RevisionSummary::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, null),
                        org.assertj.core.groups.Tuple.tuple(2, "第一次更正"),
                        org.assertj.core.groups.Tuple.tuple(3, "第二次更正"));
        var state = stateRow();
        assertThat(state.getPublishedRevision()).isEqualTo(3);
        assertThat(state.getCorrections()).isEqualTo(2);
        assertThat(state.getLastPublishedAt().toInstant()).isEqualTo(Reports.beijing(2024, 5, 1));
        assertThat(state.getFirstPublishedAt().toInstant()).isEqualTo(Reports.beijing(2024, 1, 10));
    }

    private void assertCorrectionIsCurrent(ReportPublished original, ReportPublished correction) {
        PublishedRevision current = revisions.current(agency.slug(), 2023).orElseThrow();
        assertThat(current.number()).isEqualTo(2);
        assertThat(current.correction()).isTrue();
        assertThat(current.reason()).isEqualTo("更正数字");
        assertThat(agency.dsl()
                        .select(PUBLISHED_REVISION.NUMBER, PUBLISHED_REVISION.EVENT_ID)
                        .from(PUBLISHED_REVISION)
                        .where(PUBLISHED_REVISION.YEAR.eq(2023))
                        .orderBy(PUBLISHED_REVISION.NUMBER)
                        .fetch(r -> r.value1() + ":" + r.value2()))
                .containsExactly("1:" + original.eventId(), "2:" + correction.eventId());
        assertThat(dsl.select(PUBLICATION.NUMBER)
                        .from(PUBLICATION)
                        .where(PUBLICATION.EVENT_ID.eq(correction.eventId()))
                        .fetchSingle()
                        .value1())
                .isEqualTo(2);

        var state = stateRow();
        assertThat(state.getPublishedRevision()).isEqualTo(2);
        assertThat(state.getLastAction()).isEqualTo("correct");
        assertThat(state.getReportRevision()).isEqualTo(5);
        assertThat(state.getCorrections()).isEqualTo(1);
        // The deadline (31 January) is judged on the first publication, whichever arrived first.
        assertThat(state.getFirstPublishedAt().toInstant()).isEqualTo(original.publishedAt());
        assertThat(state.getLastPublishedAt().toInstant()).isEqualTo(correction.publishedAt());
        assertThat(state.getLate()).isFalse();
    }

    private ReportPublished publication(int number, Instant at, boolean correction, String reason, int value) {
        return new ReportPublished(
                UUID.randomUUID().toString(),
                agency.slug().value(),
                agency.jurisdiction().value(),
                2023,
                number * 2 + 1,
                at,
                "office-admin",
                correction,
                false,
                reason,
                Reports.json("顺序测试局", 2023, value),
                number);
    }

    private dev.gongkai.platform.jooq.core.tables.records.ReportStateRecord stateRow() {
        return dsl.selectFrom(REPORT_STATE)
                .where(REPORT_STATE.AGENCY_SLUG.eq(agency.slug().value()), REPORT_STATE.YEAR.eq(2023))
                .fetchSingle();
    }

    private void replay(ReportPublished event) {
        redis.opsForStream()
                .add(StreamRecords.string(Map.of(
                                "id",
                                "0",
                                "type",
                                "ReportPublished",
                                "aggregate",
                                "agency:" + agency.slug(),
                                "payload",
                                json.writeValueAsString(event)))
                        .withStreamKey(stream.key()));
    }
}
