package dev.gongkai.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** For tests of Redis being away: a port nobody listens on (yet), and connections to it that give up quickly. */
public final class RedisPorts {

    private RedisPorts() {}

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Started connections to {@code port}; destroy them when done. */
    public static LettuceConnectionFactory connections(int port, Duration commandTimeout) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(commandTimeout)
                        .build());
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }
}
