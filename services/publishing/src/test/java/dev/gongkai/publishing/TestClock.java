package dev.gongkai.publishing;

import dev.gongkai.contract.China;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: a clock the test sets ({@link #set}), so "days left" and reminders are computed
 * against a fixed day without a Spring context of their own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    Settable testClock() {
        return new Settable(Instant.now(), China.ZONE);
    }

    public static final class Settable extends Clock {

        private volatile Instant instant;
        private final ZoneId zone;

        Settable(Instant instant, ZoneId zone) {
            this.instant = instant;
            this.zone = zone;
        }

        public void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant, zone);
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
