package dev.gongkai.publishing.reminders;

import static dev.gongkai.platform.jooq.core.Tables.NOTIFICATION;
import static dev.gongkai.platform.jooq.core.Tables.REMINDER_SCHEDULE;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.China;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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
        dsl.deleteFrom(REMINDER_SCHEDULE)
                .where(REMINDER_SCHEDULE.JURISDICTION_SLUG.eq(
                        office.jurisdiction().value()))
                .execute();
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    }

    private static Clock on(int year, int month, int day) {
        return Clock.fixed(Reports.beijing(year, month, day), China.ZONE);
    }

    private List<Integer> steps(ManagedAgency agency) {
        return dsl.select(NOTIFICATION.STEP)
                .from(NOTIFICATION)
                .where(NOTIFICATION.AGENCY_SLUG.eq(agency.slug().value()))
                .orderBy(NOTIFICATION.STEP.desc())
                .fetch(NOTIFICATION.STEP);
    }

    @Test
    void remindsAgenciesThatHaveNotSubmittedAtEachStepAndNeverTwice() {
        reminders.run(on(2022, 1, 10), hook()); // 21 days before: nothing yet
        assertThat(steps(drafting)).isEmpty();

        reminders.run(on(2022, 1, 17), hook()); // 14 days before
        reminders.run(on(2022, 1, 17), hook()); // the same day again
        assertThat(steps(drafting)).containsExactly(14);
        assertThat(steps(silent)).containsExactly(14);
        assertThat(steps(submitted)).isEmpty();
        // The office's own report is due on 31 March: not yet.
        assertThat(steps(office)).isEmpty();

        reminders.run(on(2022, 1, 26), hook()); // 5 days before: step 7, caught up late
        reminders.run(on(2022, 1, 27), hook()); // 4 days before: still step 7, already sent
        reminders.run(on(2022, 1, 30), hook()); // 1 day before
        assertThat(steps(drafting)).containsExactly(14, 7, 1);
        reminders.run(on(2022, 2, 1), hook()); // the day after the deadline: the first reminder of the overdue
        reminders.run(on(2022, 2, 2), hook()); // the next day: the default schedule waits a week
        assertThat(steps(drafting)).containsExactly(14, 7, 1, -1);

        long mine = received.stream()
                .filter(b -> b.contains(drafting.slug().value()))
                .count();
        assertThat(mine).isEqualTo(4);
        assertThat(received.stream()
                        .filter(b -> b.contains(drafting.slug().value()))
                        .findFirst()
                        .orElseThrow())
                .contains("\"step\":14")
                .contains("\"deadline\":\"2022-01-31\"")
                .contains("提醒市教育局")
                .contains("\"reportStatus\":\"DRAFT\"")
                .contains("\"type\":\"gongkai.deadline-reminder\"")
                .contains("\"message_zh\":\"")
                .contains("\"agencyName\":\"")
                .as("no sender on an automatic reminder")
                .doesNotContain("\"sentBy");
    }

    @Test
    void retriesAFailedWebhookDeliveryOnTheNextRunAndRecordsTheFailure() {
        failuresLeft.set(1000);
        reminders.run(on(2022, 1, 17), hook());
        var failed = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.AGENCY_SLUG.eq(drafting.slug().value()))
                .fetchSingle();
        assertThat(failed.getWebhookStatus()).isEqualTo("FAILED");
        assertThat(failed.getWebhookAttempts()).isEqualTo(1);
        assertThat(failed.getWebhookLastError()).isEqualTo("HTTP 503");

        failuresLeft.set(0);
        reminders.run(on(2022, 1, 18), hook());
        var sent = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.AGENCY_SLUG.eq(drafting.slug().value()))
                .fetchSingle();
        assertThat(sent.getWebhookStatus()).isEqualTo("SENT");
        assertThat(sent.getWebhookAttempts()).isEqualTo(2);
        assertThat(sent.getWebhookSentAt()).isNotNull();
        assertThat(received.stream().filter(b -> b.contains(drafting.slug().value())))
                .hasSize(1);
    }

    @Test
    void listsRemindersToTheOfficeOfTheJurisdictionAndToTheAgencyItself() throws Exception {
        reminders.run(on(2022, 1, 17), hook());
        mvc.perform(get("/api/office/notifications").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifications", hasSize(2)))
                .andExpect(jsonPath("$.notifications[*].agency")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                drafting.slug().value(), silent.slug().value())));
        mvc.perform(get("/api/office/notifications").param("year", "2021").with(officeOf(otherOffice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifications", hasSize(0)));
        mvc.perform(get("/api/office/notifications").param("year", "2021").with(editorOf(drafting)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").with(editorOf(drafting)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifications", hasSize(1)))
                .andExpect(jsonPath("$.notifications[0].step").value(14))
                .andExpect(jsonPath("$.notifications[0].messageZh")
                        .value(org.hamcrest.Matchers.containsString("还有 14 天")));
        mvc.perform(get("/api/notifications").with(editorOf(submitted)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifications", hasSize(0)));
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
            Reminders impatient =
                    new Reminders(dsl, registry, compliance, Duration.ofSeconds(2), json, Clock.systemUTC(), null);
            URI nowhere = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook");
            long started = System.nanoTime();
            var run = CompletableFuture.supplyAsync(() -> impatient.run(on(2022, 1, 17), nowhere));

            var mine = NOTIFICATION.AGENCY_SLUG.eq(silentAgency());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dsl.fetchCount(NOTIFICATION, mine, NOTIFICATION.WEBHOOK_LEASE_UNTIL.isNotNull()) == 0
                    && !run.isDone()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // While the calls wait for the webhook, another transaction locks the rows at once.
            transactions.executeWithoutResult(status -> assertThat(dsl.selectFrom(NOTIFICATION)
                            .where(mine)
                            .forUpdate()
                            .noWait()
                            .fetch())
                    .isNotEmpty());

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

    @Test
    void remindsLateAgenciesOnTheScheduleTheOfficeSetsUntilTheySubmit() throws Exception {
        mvc.perform(get("/api/office/reminder-schedule").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdueEveryDays").value(7))
                .andExpect(jsonPath("$.defaults").value(true));
        reminders.run(on(2022, 2, 1), hook()); // 1 day late
        reminders.run(on(2022, 2, 7), hook()); // 7 days late: the week is not over
        reminders.run(on(2022, 2, 8), hook()); // 8 days late
        assertThat(steps(drafting)).containsExactly(-1, -8);
        assertThat(steps(silent)).containsExactly(-1, -8);
        assertThat(steps(submitted)).isEmpty();
        assertThat(steps(office)).isEmpty(); // the compiled report is due on 31 March
        var late = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.AGENCY_SLUG.eq(drafting.slug().value()), NOTIFICATION.STEP.eq(-8))
                .fetchSingle();
        assertThat(late.getKind()).isEqualTo("OVERDUE");
        assertThat(late.getDaysLeft()).isEqualTo(-8);
        assertThat(late.getMessageZh())
                .contains("已超过法定发布期限（2022-01-31）8 天", "当前状态为“草稿”")
                .doesNotContain("DRAFT");
        assertThat(late.getMessageEn()).contains("8 day(s) ago", "(Draft)").doesNotContain("DRAFT");

        // The office-admin reminds every 3 days from now on (0..365; 0 stops them), and the run follows.
        mvc.perform(put("/api/office/reminder-schedule")
                        .with(officeOf(office))
                        .contentType("application/json")
                        .content("{\"overdueEveryDays\": 400}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reminder.schedule.invalid"));
        var wang = dev.gongkai.platform.testing.TestTokens.named(
                "晓梅",
                "王",
                "office-" + office.slug(),
                List.of(office.slug()),
                dev.gongkai.platform.security.Roles.OFFICE_ADMIN);
        mvc.perform(put("/api/office/reminder-schedule")
                        .with(wang)
                        .contentType("application/json")
                        .content("{\"overdueEveryDays\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdueEveryDays").value(3))
                .andExpect(jsonPath("$.setFor").value(office.jurisdiction().value()))
                .andExpect(jsonPath("$.updatedBy").value("office-" + office.slug()))
                .andExpect(jsonPath("$.updatedByName").value("王晓梅"))
                .andExpect(jsonPath("$.updatedByAgency").value(officeName()));
        // As the office's page reads it later (and for the jurisdictions below, which follow it).
        mvc.perform(get("/api/office/reminder-schedule").with(officeOf(office)))
                .andExpect(jsonPath("$.updatedByName").value("王晓梅"))
                .andExpect(jsonPath("$.updatedByAgency").value(officeName()));
        reminders.run(on(2022, 2, 10), hook()); // 10 days late: due on day 10 (1, 4, 7, 10)
        reminders.run(on(2022, 2, 11), hook());
        assertThat(steps(drafting)).containsExactly(-1, -8, -10);

        // Once submitted, the agency hears no more.
        events.status(drafting, 2021, "submit", "SUBMITTED", Reports.beijing(2022, 2, 12));
        events.pump();
        reminders.run(on(2022, 2, 13), hook()); // 13 days late: due for everyone still late
        assertThat(steps(drafting)).containsExactly(-1, -8, -10);
        assertThat(steps(silent)).containsExactly(-1, -8, -10, -13);

        mvc.perform(put("/api/office/reminder-schedule")
                        .with(officeOf(office))
                        .contentType("application/json")
                        .content("{\"overdueEveryDays\": 0}"))
                .andExpect(status().isOk());
        reminders.run(on(2022, 2, 16), hook());
        assertThat(steps(silent)).containsExactly(-1, -8, -10, -13);
        mvc.perform(put("/api/office/reminder-schedule")
                        .with(editorOf(drafting))
                        .contentType("application/json")
                        .content("{\"overdueEveryDays\": 1}"))
                .andExpect(status().isForbidden());
    }

    @Autowired
    dev.gongkai.publishing.TestClock.Settable clock;

    @Test
    void theOfficeRemindsOneAgencyOrEveryLateOneByHandAndARepeatedRequestSendsNothingMore() throws Exception {
        clock.set(Reports.beijing(2022, 2, 10));
        mvc.perform(post("/api/office/reminders")
                        .with(officeOf(office))
                        .contentType("application/json")
                        .content("{\"year\": 2021, \"agency\": \"%s\"}".formatted(drafting.slug())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        // One that has submitted is not reminded; one of another jurisdiction is not the office's to remind.
        mvc.perform(post("/api/office/reminders")
                        .with(officeOf(office))
                        .contentType("application/json")
                        .content("{\"year\": 2021, \"agency\": \"%s\"}".formatted(submitted.slug())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reminder.not-owed"));
        mvc.perform(post("/api/office/reminders")
                        .with(officeOf(otherOffice))
                        .contentType("application/json")
                        .content("{\"year\": 2021, \"agency\": \"%s\"}".formatted(drafting.slug())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/office/reminders")
                        .with(editorOf(drafting))
                        .contentType("application/json")
                        .content("{\"year\": 2021, \"allLate\": true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/office/reminders")
                        .with(officeOf(office))
                        .contentType("application/json")
                        .content("{\"year\": 2021}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reminder.target.required"));

        // Every late one: those that have not submitted 10 days after the deadline (not the office, due in March).
        var wang = dev.gongkai.platform.testing.TestTokens.named(
                "晓梅",
                "王",
                "office-" + office.slug(),
                List.of(office.slug()),
                dev.gongkai.platform.security.Roles.OFFICE_ADMIN,
                dev.gongkai.platform.security.Roles.OFFICE_REVIEWER);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/office/reminders")
                            .with(wang)
                            .header("Idempotency-Key", "all-late-1")
                            .contentType("application/json")
                            .content("{\"year\": 2021, \"allLate\": true}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.created").value(i == 0 ? 2 : 0))
                    .andExpect(jsonPath("$.agencies")
                            .value(org.hamcrest.Matchers.containsInAnyOrder(
                                    drafting.slug().value(), silent.slug().value())));
        }

        // The history of one agency, as the office and as the agency itself see it.
        mvc.perform(get("/api/office/notifications")
                        .param("year", "2021")
                        .param("agency", drafting.slug().value())
                        .with(officeOf(office)))
                .andExpect(jsonPath("$.notifications", hasSize(2)))
                .andExpect(jsonPath("$.notifications[*].kind")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("BY_HAND"))))
                .andExpect(jsonPath("$.notifications[0].sentBy").value("office-" + office.slug()))
                .andExpect(jsonPath("$.notifications[0].sentByName").value("王晓梅"))
                .andExpect(jsonPath("$.notifications[0].sentByAgency").value(officeName()))
                .andExpect(jsonPath("$.notifications[0].daysLeft").value(-10))
                .andExpect(jsonPath("$.notifications[0].messageZh")
                        .value(org.hamcrest.Matchers.startsWith(
                                "政务公开办催报：提醒市教育局：2021年政府信息公开工作年度报告已超过法定发布期限（2022-01-31）10 天")));
        mvc.perform(get("/api/notifications").with(editorOf(drafting)))
                .andExpect(jsonPath("$.notifications", hasSize(2)));
    }

    @Test
    void aReminderByHandIsPostedWhileNoTransactionHoldsItsRow() throws Exception {
        // The webhook tries to lock the row it is told about, at once, from a transaction of its own.
        List<Boolean> lockable = new CopyOnWriteArrayList<>();
        webhook.removeContext("/hook");
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(body);
            try {
                id.find();
                long row = Long.parseLong(id.group(1));
                lockable.add(transactions.execute(status -> !dsl.selectFrom(NOTIFICATION)
                        .where(NOTIFICATION.ID.eq(row))
                        .forUpdate()
                        .noWait()
                        .fetch()
                        .isEmpty()));
            } catch (RuntimeException e) {
                lockable.add(false);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        Reminders delivering =
                new Reminders(dsl, registry, compliance, Duration.ofSeconds(5), json, on(2022, 2, 10), hook());
        var rows =
                compliance
                        .rows(
                                List.of(registry.findJurisdiction(office.jurisdiction())
                                        .orElseThrow()),
                                2021)
                        .stream()
                        .filter(r -> r.agency().equals(silent.slug().value()))
                        .toList();
        assertThat(delivering.byHand(rows, new dev.gongkai.platform.tenancy.Actor("office", "王晓梅", officeName()), null))
                .isEqualTo(1);
        assertThat(lockable).containsExactly(true);
        assertThat(dsl.selectFrom(NOTIFICATION)
                        .where(NOTIFICATION.AGENCY_SLUG.eq(silent.slug().value()))
                        .fetchSingle()
                        .getWebhookStatus())
                .isEqualTo("SENT");
    }

    /** How people call the office: by its jurisdiction (the fixtures name it 测试辖区 remind-city). */
    private String officeName() {
        return "测试辖区 " + office.jurisdiction().value() + "政务公开办";
    }

    private String silentAgency() {
        return silent.slug().value();
    }
}
