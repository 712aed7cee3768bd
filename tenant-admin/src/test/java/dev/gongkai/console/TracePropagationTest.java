package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gongkai.console.services.Services;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's calls to the services carry the W3C {@code traceparent} of the page request that made them, so a
 * console request and the service requests it causes share one trace id (the services continue an incoming
 * {@code traceparent}; the tenants service's {@code ObservabilityTest} shows that half). The far end here is a
 * socket that records what arrives: the question is what the console sends.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracePropagationTest {

    static HttpServer recorder;
    static final BlockingQueue<String> received = new ArrayBlockingQueue<>(8);

    @Autowired
    Services services;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        recorder.createContext("/", exchange -> {
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            received.add(traceparent == null ? "(none)" : traceparent);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        recorder.start();
        registry.add(
                "gongkai.console.publishing-url",
                () -> "http://127.0.0.1:" + recorder.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        recorder.stop(0);
    }

    @Test
    void aServiceCallCarriesTheTraceOfTheConsoleRequestThatMadeIt() throws InterruptedException {
        AtomicReference<String> traceId = new AtomicReference<>();
        Observation.createNotStarted("http.server.requests", observations).observe(() -> {
            traceId.set(tracer.currentSpan().context().traceId());
            services.portal().get().uri("/public/wuhai").retrieve().toBodilessEntity();
        });

        String traceparent = received.poll(10, TimeUnit.SECONDS);
        assertThat(traceId.get()).matches("[0-9a-f]{32}");
        assertThat(traceparent).matches("00-" + traceId.get() + "-[0-9a-f]{16}-0[01]");
    }
}
