package dev.gongkai.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console on port 8080 (the realm's client allows redirects to 127.0.0.1:8080 only) against the real back end of
 * {@link ServiceStack}, with a headless browser per test class. Every browser test extends it, so that they share one
 * Spring context: a second one could not bind port 8080.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"server.port=8080", "spring.thymeleaf.cache=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConsoleOnRealStack {

    protected static final String CONSOLE = "http://127.0.0.1:8080";
    /** This run's keys in the shared Redis (sessions, pending imports), apart from other runs' and the demo's. */
    protected static final String REDIS_NAMESPACE = "gongkai:test:" + java.util.UUID.randomUUID();

    protected static ServiceStack stack;
    protected Browser browser;

    @DynamicPropertySource
    protected static void services(DynamicPropertyRegistry registry) throws Exception {
        stack = ServiceStack.get();
        awaitConsolePort();
        registry.add("gongkai.console.tenants-url", () -> stack.url(stack.tenantsPort));
        registry.add("gongkai.console.reports-url", () -> stack.url(stack.reportsPort));
        registry.add("gongkai.console.publishing-url", () -> stack.url(stack.publishingPort));
        registry.add("gongkai.console.keycloak-url", () -> ServiceStack.KEYCLOAK);
        registry.add("gongkai.console.redis-namespace", () -> REDIS_NAMESPACE);
    }

    /**
     * On a shared machine another run's console may still hold port 8080: wait for it (up to 30 minutes) rather than
     * fail every step with a port in use.
     */
    static void awaitConsolePort() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(30).toNanos();
        while (true) {
            try (var socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", 8080));
                return;
            } catch (java.io.IOException taken) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Port 8080 is still taken after 30 minutes: " + taken.getMessage());
                }
                System.err.println("[stack] port 8080 is taken (another console test run?); waiting");
                Thread.sleep(10_000);
            }
        }
    }

    @BeforeAll
    protected void openBrowser() throws Exception {
        browser = new Browser();
        browser.portal = stack.url(stack.publishingPort);
    }

    @AfterAll
    protected void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
