package dev.gongkai.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real Redis for the run: 127.0.0.1:6379 when it answers, else an embedded Redis on a free port. */
public final class TestRedis {

    private static TestRedis shared;

    private final String url;

    private TestRedis(String url) {
        this.url = url;
    }

    public static synchronized TestRedis shared() {
        if (shared == null) {
            if (Reachability.reachable("127.0.0.1", 6379)) {
                shared = new TestRedis("redis://127.0.0.1:6379");
            } else {
                shared = startEmbedded();
            }
        }
        return shared;
    }

    public String url() {
        return url;
    }

    public void exportSpringProperties() {
        System.setProperty("spring.data.redis.url", url);
    }

    private static TestRedis startEmbedded() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RedisServer server = new RedisServer(port);
            server.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    server.stop();
                                } catch (IOException ignored) {
                                    // the JVM is going away anyway
                                }
                            },
                            "stop-embedded-redis"));
            return new TestRedis("redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new IllegalStateException("No Redis on 127.0.0.1:6379 and the embedded one did not start", e);
        }
    }
}
