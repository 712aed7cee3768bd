package dev.gongkai.publishing.reminders;

import com.sun.net.httpserver.HttpServer;
import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gongkai.platform.jooq.core.Tables.NOTIFICATION;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PublishingTest
class RemindersTest {

    @TestTenant(jurisdiction = "remind-city", nameZh = "提醒市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "remind-city", nameZh = "提醒市教育局")
    ManagedAgency drafting;

    @TestTenant(jurisdiction = "remind-city", nameZh = "提醒市财政局")
    ManagedAgency submitted;

    @TestTenant(jurisdiction = "remind-city", nameZh = "提醒市卫健委")
    ManagedAgency silent;

    @TestTenant(jurisdiction = "remind-other", nameZh = "他市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency otherOffice;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    Reminders reminders;

    @Autowired
    org.jooq.DSLContext dsl;

    HttpServer webhook;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        events.status(drafting, 2021, "create", "DRAFT", Reports.beijing(2022, 1, 3));
        events.status(submitted, 2021, "submit", "SUBMITTED", Reports.beijing(2022, 1, 10));
        events.pump();
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    }

    private static Clock on(int year, int month, int day) {
        return Clock.fixed(Reports.beijing(year, month, day), ZoneId.of("Asia/Shanghai"));
    }

    private List<Integer> steps(ManagedAgency agency) {
        return dsl.select(NOTIFICATION.STEP).from(NOTIFICATION).where(NOTIFICATION.AGENCY_SLUG.eq(agency.slug().value()))
                .orderBy(NOTIFICATION.STEP.desc()).fetch(NOTIFICATION.STEP);
    }

    @Test
    void remindsAgenciesThatHaveNotSubmittedAtEachStepAndNeverTwice() {
        reminders.run(on(2022, 1, 10), hook());   // 21 days before: nothing yet
        assertThat(steps(drafting)).isEmpty();

        reminders.run(on(2022, 1, 17), hook());   // 14 days before
        reminders.run(on(2022, 1, 17), hook());   // the same day again
        assertThat(steps(drafting)).containsExactly(14);
        assertThat(steps(silent)).containsExactly(14);
        assertThat(steps(submitted)).isEmpty();
        // The office's own report is due on 31 March: not yet.
        assertThat(steps(office)).isEmpty();

        reminders.run(on(2022, 1, 26), hook());   // 5 days before: step 7, caught up late
        reminders.run(on(2022, 1, 27), hook());   // 4 days before: still step 7, already sent
        reminders.run(on(2022, 1, 30), hook());   // 1 day before
        assertThat(steps(drafting)).containsExactly(14, 7, 1);
        reminders.run(on(2022, 2, 1), hook());    // past the deadline: no more reminders
        assertThat(steps(drafting)).containsExactly(14, 7, 1);

        long mine = received.stream().filter(b -> b.contains(drafting.slug().value())).count();
        assertThat(mine).isEqualTo(3);
        assertThat(received.stream().filter(b -> b.contains(drafting.slug().value())).findFirst().orElseThrow())
                .contains("\"step\":14").contains("\"deadline\":\"2022-01-31\"").contains("提醒市教育局")
                .contains("\"reportStatus\":\"DRAFT\"");
    }

    @Test
    void retriesAFailedWebhookDeliveryOnTheNextRunAndRecordsTheFailure() {
        failuresLeft.set(1000);
        reminders.run(on(2022, 1, 17), hook());
        var failed = dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.AGENCY_SLUG.eq(drafting.slug().value())).fetchSingle();
        assertThat(failed.getWebhookStatus()).isEqualTo("FAILED");
        assertThat(failed.getWebhookAttempts()).isEqualTo(1);
        assertThat(failed.getWebhookLastError()).isEqualTo("HTTP 503");

        failuresLeft.set(0);
        reminders.run(on(2022, 1, 18), hook());
        var sent = dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.AGENCY_SLUG.eq(drafting.slug().value())).fetchSingle();
        assertThat(sent.getWebhookStatus()).isEqualTo("SENT");
        assertThat(sent.getWebhookAttempts()).isEqualTo(2);
        assertThat(sent.getWebhookSentAt()).isNotNull();
        assertThat(received.stream().filter(b -> b.contains(drafting.slug().value()))).hasSize(1);
    }

    @Test
    void listsRemindersToTheOfficeOfTheJurisdictionAndToTheAgencyItself() throws Exception {
        reminders.run(on(2022, 1, 17), hook());
        mvc.perform(get("/api/office/notifications").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notifications", hasSize(2)))
                .andExpect(jsonPath("$.notifications[*].agency").value(org.hamcrest.Matchers.containsInAnyOrder(
                        drafting.slug().value(), silent.slug().value())));
        mvc.perform(get("/api/office/notifications").param("year", "2021").with(officeOf(otherOffice)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notifications", hasSize(0)));
        mvc.perform(get("/api/office/notifications").param("year", "2021").with(editorOf(drafting)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").with(editorOf(drafting)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notifications", hasSize(1)))
                .andExpect(jsonPath("$.notifications[0].step").value(14))
                .andExpect(jsonPath("$.notifications[0].messageZh").value(org.hamcrest.Matchers.containsString("还有 14 天")));
        mvc.perform(get("/api/notifications").with(editorOf(submitted)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notifications", hasSize(0)));
    }

    @Autowired
    dev.gongkai.platform.agency.AgencyRegistry registry;

    @Autowired
    dev.gongkai.publishing.compliance.Compliance compliance;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aWebhookThatNeverAnswersFailsWithinItsTimeoutWhileNoRowIsLocked() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            Reminders impatient = new Reminders(dsl, registry, compliance, Duration.ofSeconds(2), json,
                    Clock.systemUTC(), null);
            URI nowhere = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook");
            long started = System.nanoTime();
            var run = CompletableFuture.supplyAsync(() -> impatient.run(on(2022, 1, 17), nowhere));

            var mine = NOTIFICATION.AGENCY_SLUG.eq(silentAgency());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dsl.fetchCount(NOTIFICATION, mine, NOTIFICATION.WEBHOOK_LEASE_UNTIL.isNotNull()) == 0
                    && !run.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // While the calls wait for the webhook, another transaction locks the rows at once.
            transactions.executeWithoutResult(status -> assertThat(dsl.selectFrom(NOTIFICATION).where(mine)
                    .forUpdate().noWait().fetch()).isNotEmpty());

            Reminders.RunResult result = run.get(120, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result.failed()).isPositive();
            assertThat(took).isLessThan(Duration.ofSeconds(4L * result.failed() + 10));
            var notification = dsl.selectFrom(NOTIFICATION).where(mine).fetchSingle();
            assertThat(notification.getWebhookStatus()).isEqualTo("FAILED");
            assertThat(notification.getWebhookLastError()).containsIgnoringCase("timeout");
            assertThat(notification.getWebhookLeaseUntil()).isNull();
            silent.close();
            acceptor.join(1000);
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private String silentAgency() {
        return silent.slug().value();
    }
}
