package dev.gongkai.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings under {@code gongkai.publishing} (see application.yaml for the defaults and why). */
@ConfigurationProperties("gongkai.publishing")
public record PublishingProperties(Events events, Cache cache, RateLimit rateLimit, String pdfFont) {

    /**
     * @param stream          the Redis stream the outbox is relayed to
     * @param group           this service's consumer group on it
     * @param scheduled       relay and consume on timers (tests drive both by hand)
     * @param streamMaxLength the stream is trimmed to about this many entries
     * @param consumerName    this instance's name in the consumer group
     * @param claimIdle       an entry pending this long at another consumer is taken over (that one died)
     * @param retryBackoff    a failed entry is retried after this, doubling per delivery up to retryBackoffMax
     * @param maxAttempts     deliveries before an entry goes to the dead-letter stream
     * @param outboxRetention sent outbox rows are deleted once they are this old
     * @param relayLease      a batch taken by a relay that died is taken by another after this
     */
    public record Events(
            String stream,
            String group,
            boolean scheduled,
            Duration relayInterval,
            Duration consumeInterval,
            int batchSize,
            long streamMaxLength,
            String consumerName,
            Duration claimIdle,
            Duration retryBackoff,
            Duration retryBackoffMax,
            int maxAttempts,
            Duration outboxRetention,
            Duration relayLease) {}

    /**
     * @param documentTtl how long a rendered document stays in Redis (keys are versioned, so only memory is at stake)
     * @param pointerTtl  how long a current-revision pointer is trusted before it is read from PostgreSQL again
     * @param localSize   rendered documents also kept in this process, at most this much (least recently used go)
     * @param localPointerTtl how long this process trusts a pointer it has read, while it hears where pointers move
     * @param registryTtl how long the portal trusts a jurisdiction or agency it found in the registry
     */
    public record Cache(
            Duration documentTtl,
            Duration pointerTtl,
            DataSize localSize,
            Duration localPointerTtl,
            Duration registryTtl) {}

    /** At most {@code requests} open-data requests per client address and {@code window}. */
    public record RateLimit(int requests, Duration window) {}
}
