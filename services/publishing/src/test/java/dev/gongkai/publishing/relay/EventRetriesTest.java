package dev.gongkai.publishing.relay;

import static dev.gongkai.platform.jooq.core.Tables.PROCESSED_EVENT;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.Action;
import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.events.ReportStatusChanged;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Entries left pending by a consumer that died, poison events, and the dead letters the platform admin sees. */
@PublishingTest
class EventRetriesTest {

    @TestTenant(jurisdiction = "retry-city", nameZh = "重试测试局")
    ManagedAgency agency;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EventHandlers handlers;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    EventStream contextStream;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DSLContext dsl;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    EventConsumer contextConsumer;

    /** A stream of each test's own, so that the context's consumer never takes these entries. */
    final EventStream stream = new EventStream("gongkai:events:retries:" + UUID.randomUUID(), "publishing");

    @AfterEach
    void dropStream() {
        redis.delete(List.of(stream.key(), stream.deadLetters(), stream.failures()));
    }

    @Test
    void anEntryLeftPendingByAConsumerThatDiedIsClaimedAndHandledByALiveOne() throws Exception {
        ReportStatusChanged event = statusEvent(ReportChange.CREATE, ReportStatus.DRAFT);
        add(stream, "41", event.type(), json.writeValueAsString(event));
        EventConsumer live = consumer(
                "live-pod", new Retries(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(1), 5));
        redis.opsForStream().createGroup(stream.key(), ReadOffset.from("0"), stream.group());

        // The pod that read the entry dies before it handles and acknowledges it.
        List<MapRecord<String, Object, Object>> read = redis.opsForStream()
                .read(
                        Consumer.from(stream.group(), "dying-pod"),
                        StreamReadOptions.empty().count(10),
                        StreamOffset.create(stream.key(), ReadOffset.lastConsumed()));
        assertThat(read).hasSize(1);

        // While the entry might still be in flight at its owner, nobody else takes it.
        assertThat(live.consumeAvailable()).isZero();
        assertThat(pendingAt("dying-pod")).isEqualTo(1);

        Thread.sleep(5_500);
        assertThat(live.consumeAvailable()).isEqualTo(1);
        assertThat(redis.opsForStream().pending(stream.key(), stream.group()).getTotalPendingMessages())
                .isZero();
        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(event.eventId())))
                .isEqualTo(1);
    }

    @Test
    void aPoisonEventIsRetriedWithBackOffAndThenMovedToTheDeadLetters() throws Exception {
        add(stream, "42", "ReportPublished", "{\"eventId\": not json");
        EventConsumer consumer =
                consumer("pod-a", new Retries(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(2), 3));
        double buriedBefore = buried();

        consumer.consumeAvailable();
        // Not every run: the next delivery waits for the back-off.
        consumer.consumeAvailable();
        consumer.consumeAvailable();
        assertThat(deliveries()).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (redis.opsForStream().size(stream.deadLetters()) == 0 && System.nanoTime() < deadline) {
            consumer.consumeAvailable();
            Thread.sleep(50);
        }

        List<DeadLetters.DeadEvent> dead = new DeadLetters(redis, stream, meters).list(10);
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().outboxId()).isEqualTo(42);
        assertThat(dead.getFirst().type()).isEqualTo("ReportPublished");
        assertThat(dead.getFirst().attempts()).isEqualTo(3);
        assertThat(dead.getFirst().error()).isNotBlank();
        assertThat(redis.opsForStream().pending(stream.key(), stream.group()).getTotalPendingMessages())
                .isZero();
        assertThat(redis.hasKey(stream.failures())).isFalse();
        assertThat(buried()).isEqualTo(buriedBefore + 1);
    }

    @Test
    void thePlatformAdminListsDeadEventsAndRequeuesOneOnceItsCauseIsFixed() throws Exception {
        // An event that failed for a cause since fixed (e.g. a bug in a handler), buried on the service's own stream.
        ReportStatusChanged event = statusEvent(ReportChange.of(Action.SUBMIT), ReportStatus.SUBMITTED);
        add(contextStream, "43", event.type(), json.writeValueAsString(event));
        var entry = redis.opsForStream()
                .range(contextStream.key(), Range.unbounded())
                .getLast();
        redis.opsForStream().delete(contextStream.key(), entry.getId());
        deadLetters.bury(entry, 10, "java.lang.IllegalStateException: a bug since fixed");
        String id = deadLetters.list(1).getFirst().id();

        mvc.perform(get("/api/admin/dead-events").with(editorOf(agency))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/dead-events").with(platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].outboxId").value(43))
                .andExpect(jsonPath("$[0].type").value("ReportSubmitted"))
                .andExpect(jsonPath("$[0].attempts").value(10))
                .andExpect(jsonPath("$[*].error", hasItem("java.lang.IllegalStateException: a bug since fixed")));
        mvc.perform(post("/api/admin/dead-events/{id}/requeue", id).with(editorOf(agency)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/dead-events/{id}/requeue", "1-0").with(platformAdmin()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/admin/dead-events/{id}/requeue", id).with(platformAdmin()))
                .andExpect(status().isOk());
        contextConsumer.consumeAvailable();

        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(event.eventId())))
                .isEqualTo(1);
        assertThat(deadLetters.list(1000)).noneMatch(d -> d.id().equals(id));
    }

    private EventConsumer consumer(String name, Retries retries) {
        return new EventConsumer(redis, handlers, stream, name, 10, retries, new DeadLetters(redis, stream, meters));
    }

    private ReportStatusChanged statusEvent(ReportChange action, ReportStatus status) {
        return new ReportStatusChanged(
                UUID.randomUUID().toString(),
                agency.slug().value(),
                agency.jurisdiction().value(),
                2024,
                action,
                status,
                1,
                Reports.beijing(2025, 1, 3),
                "editor",
                0,
                0,
                0,
                null);
    }

    private void add(EventStream target, String outboxId, String type, String payload) {
        redis.opsForStream()
                .add(StreamRecords.string(Map.of(
                                EventStream.ID,
                                outboxId,
                                EventStream.TYPE,
                                type,
                                EventStream.AGGREGATE,
                                "agency:" + agency.slug(),
                                EventStream.PAYLOAD,
                                payload))
                        .withStreamKey(target.key()));
    }

    private long pendingAt(String consumer) {
        return redis.opsForStream()
                .pending(stream.key(), stream.group())
                .getPendingMessagesPerConsumer()
                .getOrDefault(consumer, 0L);
    }

    private long deliveries() {
        return redis.opsForStream()
                .pending(stream.key(), stream.group(), Range.unbounded(), 10)
                .get(0)
                .getTotalDeliveryCount();
    }

    private double buried() {
        var counter = meters.find("gongkai.events.dead.letters")
                .tag("type", "ReportPublished")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
