package dev.gongkai.publishing.cache;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Subscribes the {@link PublicationPointer} to the announcements of moved pointers. Redis being away at start-up
 * delays the subscription, never the service (Spring Data's container refuses to start without Redis, by design):
 * it is tried again every {@code retry} until it holds, and after a lost connection the container re-subscribes by
 * itself. Until it holds the pointer remembers nothing, so nothing is missed meanwhile.
 */
class PointerMoves implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PointerMoves.class);

    private final RedisConnectionFactory connections;
    private final PublicationPointer pointer;
    private final Duration retry;
    private volatile boolean running;
    private volatile RedisMessageListenerContainer container;
    private Thread subscriber;

    PointerMoves(RedisConnectionFactory connections, PublicationPointer pointer, Duration retry) {
        this.connections = connections;
        this.pointer = pointer;
        this.retry = retry;
    }

    @Override
    public void start() {
        running = true;
        subscriber = Thread.ofVirtual().name("pointer-moves").start(this::subscribe);
    }

    /** A container that failed to start stays failed, so each attempt takes a new one. */
    private void subscribe() {
        while (running) {
            RedisMessageListenerContainer attempt = new RedisMessageListenerContainer();
            attempt.setConnectionFactory(connections);
            attempt.setRecoveryBackoff(new FixedBackOff(retry.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
            attempt.addMessageListener(pointer, ChannelTopic.of(PublicationPointer.MOVED_CHANNEL));
            attempt.afterPropertiesSet();
            container = attempt;
            try {
                attempt.start();
                return;
            } catch (RuntimeException e) {
                release(attempt);
                log.warn(
                        "Not yet hearing where publication pointers move ({}); trying again in {} s",
                        e.getMessage(),
                        retry.toSeconds());
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (subscriber != null) {
            subscriber.interrupt();
        }
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Also releases the container's connection and threads. */
    void destroy() {
        if (container != null) {
            release(container);
        }
    }

    private static void release(RedisMessageListenerContainer container) {
        try {
            container.destroy();
        } catch (Exception e) {
            log.debug("Releasing a listener container failed: {}", e.getMessage());
        }
    }
}
