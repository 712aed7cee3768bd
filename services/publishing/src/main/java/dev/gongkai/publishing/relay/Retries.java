package dev.gongkai.publishing.relay;

import java.time.Duration;

/**
 * When a pending stream entry is delivered again. An entry that failed here is retried after {@code backoff},
 * doubling with each delivery up to {@code maxBackoff}; an entry still pending for another consumer is taken over
 * only once it has been idle for {@code claimIdle} as well (that consumer died, or lost its connection, before
 * acknowledging). After {@code maxAttempts} deliveries the entry goes to the dead letters instead.
 */
public record Retries(Duration claimIdle, Duration backoff, Duration maxBackoff, int maxAttempts) {

    public Retries {
        if (maxAttempts < 1 || backoff.isNegative() || claimIdle.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("invalid event retry settings");
        }
    }

    /** How long an entry delivered {@code deliveries} times must have been idle before it is delivered again. */
    Duration due(long deliveries, boolean own) {
        int doublings = (int) Math.min(Math.max(deliveries - 1, 0), 30);
        Duration wait = backoff.multipliedBy(1L << doublings);
        if (wait.compareTo(maxBackoff) > 0) {
            wait = maxBackoff;
        }
        return own || wait.compareTo(claimIdle) >= 0 ? wait : claimIdle;
    }
}
