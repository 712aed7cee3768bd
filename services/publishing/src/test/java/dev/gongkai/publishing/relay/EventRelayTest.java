package dev.gongkai.publishing.relay;

import static dev.gongkai.platform.jooq.agency_template.Tables.PUBLISHED_REVISION;
import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.jooq.core.Tables.PROCESSED_EVENT;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.RedisPorts;
import dev.gongkai.publishing.Reports;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

@PublishingTest
class EventRelayTest {

    @TestTenant(jurisdiction = "relay-city", nameZh = "中继测试局")
    ManagedAgency agency;

    @Autowired
    Events events;

    @Autowired
    DSLContext dsl;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EventStream stream;

    @Autowired
    EventHandlers handlers;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    OutboxRelay relay;

    @Test
    void deliversEveryOutboxEventOnceAndMarksItSent() {
        Long before = redis.opsForStream().size(stream.key());
        var created = events.status(agency, 2023, "create", "DRAFT", Reports.beijing(2024, 1, 2));
        var submitted = events.status(agency, 2023, "submit", "SUBMITTED", Reports.beijing(2024, 1, 10));

        events.pump();
        events.pump();

        assertThat(dsl.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull())).isZero();
        assertThat(redis.opsForStream().size(stream.key())).isEqualTo((before == null ? 0 : before) + 2);
        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.in(created.eventId(), submitted.eventId())))
                .isEqualTo(2);
        var state = dsl.selectFrom(REPORT_STATE)
                .where(REPORT_STATE.AGENCY_SLUG.eq(agency.slug().value()), REPORT_STATE.YEAR.eq(2023))
                .fetchSingle();
        assertThat(state.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(state.getSubmittedAt()).isNotNull();
        assertThat(state.getDraftedAt()).isNotNull();
    }

    @Test
    void ignoresAStatusOlderThanTheOneAlreadyApplied() {
        events.status(agency, 2023, "approve", "APPROVED", Reports.beijing(2024, 1, 20));
        events.status(agency, 2023, "submit", "SUBMITTED", Reports.beijing(2024, 1, 10));

        events.pump();

        assertThat(dsl.select(REPORT_STATE.STATUS)
                        .from(REPORT_STATE)
                        .where(REPORT_STATE.AGENCY_SLUG.eq(agency.slug().value()))
                        .fetchSingle()
                        .value1())
                .isEqualTo(ReportStatus.APPROVED);
    }

    @Test
    void appliesADuplicatedStreamMessageOnce() {
        ReportPublished event =
                events.published(agency, 2022, Reports.json("中继测试局", 2022, 7), Reports.beijing(2023, 1, 15));
        events.pump();
        long outboxId = dsl.select(OUTBOX.ID)
                .from(OUTBOX)
                .orderBy(OUTBOX.ID.desc())
                .limit(1)
                .fetchSingle()
                .value1();

        // What a relay crashing between XADD and its commit leaves behind: the same event on the stream again.
        redis.opsForStream()
                .add(StreamRecords.string(Map.of(
                                "id",
                                Long.toString(outboxId),
                                "type",
                                "ReportPublished",
                                "aggregate",
                                "agency:" + agency.slug(),
                                "payload",
                                json.writeValueAsString(event)))
                        .withStreamKey(stream.key()));
        events.pump();

        assertThat(agency.dsl().fetchCount(PUBLISHED_REVISION, PUBLISHED_REVISION.YEAR.eq(2022)))
                .isEqualTo(1);
        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(event.eventId())))
                .isEqualTo(1);
        assertThat(redis.opsForStream().pending(stream.key(), stream.group()).getTotalPendingMessages())
                .isZero();
    }

    @Test
    void rejectsAnEventForAnUnknownAgencyWithoutBlockingTheOthers() {
        var stranger = new ReportPublished(
                UUID.randomUUID().toString(),
                "no-such-agency",
                "relay-city",
                2022,
                1,
                Reports.beijing(2023, 1, 3),
                "x",
                false,
                false,
                null,
                Reports.json("某局", 2022, 1),
                1);
        events.write(agency, stranger);
        var after = events.status(agency, 2024, "create", "DRAFT", Reports.beijing(2025, 1, 2));

        events.pump();

        assertThat(dsl.select(PROCESSED_EVENT.OUTCOME)
                        .from(PROCESSED_EVENT)
                        .where(PROCESSED_EVENT.EVENT_ID.eq(stranger.eventId()))
                        .fetchSingle()
                        .value1())
                .isEqualTo("REJECTED");
        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(after.eventId())))
                .isEqualTo(1);
    }

    @Test
    void keepsEventsInTheOutboxWhileRedisIsDownAndDeliversThemOnceWhenItReturns() throws Exception {
        events.pump(); // leave nothing of other tests behind for the relay under test
        int port = RedisPorts.free();
        RedisServer server = new RedisServer(port);
        server.start();
        LettuceConnectionFactory connections = RedisPorts.connections(port, Duration.ofMillis(500));
        try {
            StringRedisTemplate flaky = new StringRedisTemplate(connections);
            EventStream ownStream = new EventStream("gongkai:events", "publishing");
            OutboxRelay relay = new OutboxRelay(dsl, flaky, ownStream, 100, 10_000, Duration.ofSeconds(30));
            EventConsumer consumer = new EventConsumer(
                    flaky,
                    handlers,
                    ownStream,
                    "test",
                    100,
                    new Retries(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(10), 10),
                    new DeadLetters(flaky, ownStream, new SimpleMeterRegistry()));

            server.stop();
            List<ReportPublished> published = List.of(
                    events.published(agency, 2021, Reports.json("中继测试局", 2021, 3), Reports.beijing(2022, 1, 5)),
                    events.corrected(
                            agency, 2021, Reports.json("中继测试局", 2021, 4), Reports.beijing(2022, 2, 5), "更正数字"));
            assertThat(relay.relayPending()).isZero();
            assertThat(consumer.consumeAvailable()).isZero();
            assertThat(dsl.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull())).isEqualTo(2);

            server = new RedisServer(port);
            server.start();
            // Lettuce reconnects with a back-off, so the first runs after the restart may still find Redis away.
            int relayed = 0;
            int consumed = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((relayed < 2 || consumed < 2) && System.nanoTime() < deadline) {
                relayed += relay.relayPending();
                consumed += consumer.consumeAvailable();
                Thread.sleep(relayed < 2 || consumed < 2 ? 200 : 0);
            }
            assertThat(relayed).isEqualTo(2);
            assertThat(consumed).isEqualTo(2);
            assertThat(relay.relayPending()).isZero();
            assertThat(consumer.consumeAvailable()).isZero();

            assertThat(dsl.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull())).isZero();
            assertThat(agency.dsl()
                            .select(PUBLISHED_REVISION.NUMBER)
                            .from(PUBLISHED_REVISION)
                            .where(PUBLISHED_REVISION.YEAR.eq(2021))
                            .orderBy(PUBLISHED_REVISION.NUMBER)
                            .fetch(PUBLISHED_REVISION.NUMBER))
                    .containsExactly(1, 2);
            assertThat(dsl.fetchCount(
                            PROCESSED_EVENT,
                            PROCESSED_EVENT.EVENT_ID.in(published.stream()
                                    .map(ReportPublished::eventId)
                                    .toList())))
                    .isEqualTo(2);
        } finally {
            connections.destroy();
            server.stop();
        }
    }

    @Test
    void holdsNoRowLockWhileRedisIsCalled() throws Exception {
        events.pump();
        // A Redis that accepts connections and never answers: the relay waits for its command timeout.
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        silent.accept();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            LettuceConnectionFactory connections = RedisPorts.connections(silent.getLocalPort(), Duration.ofSeconds(3));
            try {
                OutboxRelay relay = new OutboxRelay(
                        dsl,
                        new StringRedisTemplate(connections),
                        new EventStream("gongkai:events:silent", "publishing"),
                        100,
                        10_000,
                        Duration.ofSeconds(30));
                events.status(agency, 2020, "create", "DRAFT", Reports.beijing(2021, 1, 2));
                long id = dsl.select(OUTBOX.ID)
                        .from(OUTBOX)
                        .where(OUTBOX.PUBLISHED_AT.isNull())
                        .orderBy(OUTBOX.ID.desc())
                        .limit(1)
                        .fetchSingle()
                        .value1();
                var relaying = java.util.concurrent.CompletableFuture.supplyAsync(relay::relayPending);

                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (dsl.fetchCount(OUTBOX, OUTBOX.ID.eq(id), OUTBOX.RELAY_LEASE_UNTIL.isNotNull()) == 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(relaying).isNotDone();
                // Another transaction can lock the row at once: the relay's lease is committed, no lock is held.
                transactions.executeWithoutResult(status -> assertThat(dsl.selectFrom(OUTBOX)
                                .where(OUTBOX.ID.eq(id))
                                .forUpdate()
                                .noWait()
                                .fetch())
                        .hasSize(1));

                assertThat(relaying.get(20, java.util.concurrent.TimeUnit.SECONDS))
                        .isZero();
                assertThat(dsl.select(OUTBOX.PUBLISHED_AT, OUTBOX.RELAY_LEASE_UNTIL)
                                .from(OUTBOX)
                                .where(OUTBOX.ID.eq(id))
                                .fetchSingle()
                                .intoArray())
                        .containsOnlyNulls();
            } finally {
                connections.destroy();
                silent.close();
                acceptor.join(1000);
            }
        }
        events.pump();
    }

    @Test
    void aBatchLeasedByARelayThatDiedIsSentByAnotherOnlyAfterTheLease() {
        events.pump();
        var event = events.status(agency, 2020, "create", "DRAFT", Reports.beijing(2021, 1, 2));
        // What a relay that died after taking the batch leaves behind.
        dsl.update(OUTBOX)
                .set(OUTBOX.RELAY_LEASE_UNTIL, OffsetDateTime.now().plusMinutes(5))
                .where(OUTBOX.PUBLISHED_AT.isNull())
                .execute();
        events.pump();
        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(event.eventId())))
                .isZero();

        dsl.update(OUTBOX)
                .set(OUTBOX.RELAY_LEASE_UNTIL, OffsetDateTime.now().minusSeconds(1))
                .where(OUTBOX.PUBLISHED_AT.isNull())
                .execute();
        events.pump();
        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(event.eventId())))
                .isEqualTo(1);
    }

    @Test
    void deletesSentRowsOnlyOnceTheyAreOlderThanTheRetention() {
        events.pump();
        events.status(agency, 2019, "create", "DRAFT", Reports.beijing(2020, 1, 2));
        events.status(agency, 2019, "edit", "DRAFT", Reports.beijing(2020, 1, 3));
        events.status(agency, 2019, "submit", "SUBMITTED", Reports.beijing(2020, 1, 4));
        List<Long> ids = dsl.select(OUTBOX.ID)
                .from(OUTBOX)
                .orderBy(OUTBOX.ID.desc())
                .limit(3)
                .fetch(OUTBOX.ID)
                .reversed();
        events.pump();
        OffsetDateTime now = OffsetDateTime.now();
        dsl.update(OUTBOX)
                .set(OUTBOX.PUBLISHED_AT, now.minusDays(8))
                .where(OUTBOX.ID.eq(ids.get(0)))
                .execute();
        dsl.update(OUTBOX)
                .set(OUTBOX.PUBLISHED_AT, now.minusDays(6))
                .where(OUTBOX.ID.eq(ids.get(1)))
                .execute();
        // Never sent (Redis away for a week): kept, however old.
        dsl.update(OUTBOX)
                .setNull(OUTBOX.PUBLISHED_AT)
                .set(OUTBOX.CREATED_AT, now.minusDays(9))
                .set(OUTBOX.RELAY_LEASE_UNTIL, now.plusMinutes(5))
                .where(OUTBOX.ID.eq(ids.get(2)))
                .execute();

        relay.deleteSentBefore(now.minusDays(7));

        assertThat(dsl.select(OUTBOX.ID)
                        .from(OUTBOX)
                        .where(OUTBOX.ID.in(ids))
                        .orderBy(OUTBOX.ID)
                        .fetch(OUTBOX.ID))
                .containsExactly(ids.get(1), ids.get(2));
        dsl.update(OUTBOX)
                .setNull(OUTBOX.RELAY_LEASE_UNTIL)
                .where(OUTBOX.ID.eq(ids.get(2)))
                .execute();
        events.pump();
    }
}
