package dev.gongkai.publishing;

import dev.gongkai.platform.testing.GongkaiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The publishing application on the run's real PostgreSQL and Redis, driven through MockMvc, and listening on a port
 * of its own for what must be seen over real HTTP (what a cache in front of it sees). Relay and consumer
 * are not on timers: tests pump events by hand ({@link Events}), so every assertion sees a settled state. The
 * stream has a name of its own per run, so concurrent runs sharing a Redis never take each other's events. One
 * shared Spring context for every test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GongkaiTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gongkai.publishing.events.scheduled=false",
            "gongkai.publishing.events.stream=gongkai:events:test:${random.uuid}",
            "gongkai.publishing.rate-limit.requests=" + PublishingTest.RATE_LIMIT,
            "spring.data.redis.timeout=1s",
            "gongkai.reminders.scheduled=false"
        })
@AutoConfigureMockMvc
@Import({Events.class, TestClock.class})
public @interface PublishingTest {

    /** Open-data requests per client and minute in tests; other tests use a fresh client address per request. */
    int RATE_LIMIT = 12;
}
