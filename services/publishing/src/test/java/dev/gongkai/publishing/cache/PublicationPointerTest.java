package dev.gongkai.publishing.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.RedisPorts;
import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.cache.PublicationPointer.Current;
import dev.gongkai.publishing.revisions.ReportStates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import redis.embedded.RedisServer;

/**
 * Two instances of the portal (two pointers, each with its own subscription) that remember what they read for an
 * hour: they answer from memory, yet the moment the service publishes a correction both serve it. And the
 * subscription waits for Redis rather than failing the service's start.
 */
@PublishingTest
class PublicationPointerTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @TestTenant(jurisdiction = "pointer-city", nameZh = "指针测试局")
    ManagedAgency agency;

    @Autowired
    Events events;

    @Autowired
    ReportStates states;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RedisConnectionFactory connections;

    final List<RedisMessageListenerContainer> containers = new ArrayList<>();

    @AfterEach
    void stopListening() {
        containers.forEach(RedisMessageListenerContainer::stop);
    }

    @Test
    void instancesAnswerFromMemoryAndForgetTheMomentAPointerMoves() throws Exception {
        events.published(agency, 2021, Reports.json("指针测试局", 2021, 1), Reports.beijing(2022, 1, 4));
        events.pump();
        PublicationPointer first = listening();
        PublicationPointer second = listening();
        assertThat(first.current(agency.slug(), 2021)).map(Current::number).contains(1);
        assertThat(second.current(agency.slug(), 2021)).map(Current::number).contains(1);

        // Behind everyone's back: Redis now says revision 9. Instances that remember do not ask.
        String key = "gongkai:publishing:current:" + agency.slug() + ":2021";
        redis.opsForValue().set(key, "99:9");
        assertThat(first.current(agency.slug(), 2021)).map(Current::number).contains(1);

        redis.delete(key);
        events.corrected(agency, 2021, Reports.json("指针测试局", 2021, 2), Reports.beijing(2022, 2, 1), "更正");
        events.pump();

        assertThat(eventually(() ->
                        first.current(agency.slug(), 2021).map(Current::number).equals(Optional.of(2))
                                && second.current(agency.slug(), 2021)
                                        .map(Current::number)
                                        .equals(Optional.of(2))))
                .as("both instances serve the correction within seconds, not after their hour")
                .isTrue();
    }

    @Test
    void anInstanceThatDoesNotHearAnnouncementsRemembersNothing() {
        events.published(agency, 2022, Reports.json("指针测试局", 2022, 1), Reports.beijing(2023, 1, 4));
        events.pump();
        PublicationPointer deaf = new PublicationPointer(redis, states, HOUR, HOUR);
        assertThat(deaf.current(agency.slug(), 2022)).map(Current::number).contains(1);

        redis.opsForValue().set("gongkai:publishing:current:" + agency.slug() + ":2022", "99:9");

        assertThat(deaf.current(agency.slug(), 2022)).map(Current::number).contains(9);
    }

    @Test
    void aYearNeverPublishedIsRememberedAsSuchUntilItIsPublished() throws Exception {
        PublicationPointer pointer = listening();
        assertThat(pointer.current(agency.slug(), 2023)).isEmpty();

        events.published(agency, 2023, Reports.json("指针测试局", 2023, 1), Reports.beijing(2024, 1, 4));
        events.pump();

        assertThat(eventually(() -> pointer.current(agency.slug(), 2023).isPresent()))
                .isTrue();
    }

    @Test
    void startsWithoutRedisAndListensOnceRedisArrives() throws Exception {
        int port = RedisPorts.free();
        LettuceConnectionFactory nowhereYet = RedisPorts.connections(port, Duration.ofMillis(500));
        PublicationPointer pointer = new PublicationPointer(new StringRedisTemplate(nowhereYet), states, HOUR, HOUR);
        PointerMoves moves = new PointerMoves(nowhereYet, pointer, Duration.ofMillis(200));
        RedisServer server = new RedisServer(port);
        try {
            moves.start();
            Thread.sleep(600);
            assertThat(pointer.listening()).as("nothing to listen to yet").isFalse();

            server.start();

            assertThat(eventually(pointer::listening))
                    .as("subscribed once Redis is there")
                    .isTrue();
        } finally {
            moves.stop();
            moves.destroy();
            server.stop();
            nowhereYet.destroy();
        }
    }

    private PublicationPointer listening() throws InterruptedException {
        PublicationPointer pointer = new PublicationPointer(redis, states, HOUR, HOUR);
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(pointer, ChannelTopic.of(PublicationPointer.MOVED_CHANNEL));
        container.afterPropertiesSet();
        container.start();
        containers.add(container);
        assertThat(eventually(pointer::listening)).as("subscribed").isTrue();
        return pointer;
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
