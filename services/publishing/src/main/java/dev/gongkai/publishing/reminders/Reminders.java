package dev.gongkai.publishing.reminders;

import static dev.gongkai.platform.jooq.core.Tables.NOTIFICATION;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.ReminderSchedule;
import dev.gongkai.contract.ReminderView;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.jooq.core.tables.records.NotificationRecord;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.publishing.compliance.Compliance;
import dev.gongkai.publishing.compliance.ComplianceWords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.RecordMapper;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders to agencies that have not submitted last year's report. Before the legal deadline: when it is 14, 7, 3
 * or 1 days away. After it: the day after, then every n days by the schedule the office set ({@link ReminderSchedule},
 * a week by default) until the agency submits. Each is stored once per agency, year and step (a run that missed a
 * step's day creates that step late; a step already passed is not sent once a later one is due). The office may also
 * remind one agency, or every late one, by hand. Every reminder is POSTed as JSON to the configured webhook, outside
 * any transaction; deliveries that fail are retried on the next run.
 */
public class Reminders {

    static final List<Integer> STEPS = List.of(1, 3, 7, 14);
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final int DELIVERY_BATCH = 20;

    static final RecordMapper<NotificationRecord, ReminderView> TO_NOTIFICATION = r -> new ReminderView(
            r.getId(),
            r.getAgencySlug(),
            r.getJurisdictionSlug(),
            r.getYear(),
            ReminderView.Kind.valueOf(r.getKind()),
            r.getStep(),
            r.getDeadline(),
            r.getDaysLeft(),
            r.getReportStatus(),
            r.getMessageZh(),
            r.getMessageEn(),
            r.getCreatedAt().toInstant(),
            r.getSentBy(),
            r.getSentByName(),
            r.getSentByAgency(),
            r.getWebhookStatus(),
            r.getWebhookAttempts(),
            r.getWebhookLastError(),
            instant(r.getWebhookSentAt()));

    private final DSLContext dsl;
    private final AgencyRegistry registry;
    private final Compliance compliance;
    private final ReminderSchedules schedules;
    private final JsonMapper json;
    private final Clock clock;
    private final URI webhook;
    private final Duration webhookTimeout;
    private final HttpClient http;

    /** @param webhookTimeout the longest a webhook may take to connect, and then to answer */
    public Reminders(
            DSLContext dsl,
            AgencyRegistry registry,
            Compliance compliance,
            Duration webhookTimeout,
            JsonMapper json,
            Clock clock,
            URI webhook) {
        this.dsl = dsl;
        this.registry = registry;
        this.compliance = compliance;
        this.schedules = new ReminderSchedules(dsl, registry);
        this.webhookTimeout = webhookTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(webhookTimeout).build();
        this.json = json;
        this.clock = clock;
        this.webhook = webhook;
    }

    /** What one run did. */
    public record RunResult(LocalDate today, int created, int sent, int failed) {}

    /** The scheduled run: today by the service's clock, the configured webhook. */
    public RunResult run() {
        return run(clock, webhook);
    }

    /** One run as of {@code clock}'s date in China, delivering to {@code webhook} (null: store only). */
    public RunResult run(Clock clock, URI webhook) {
        LocalDate today = LocalDate.now(clock.withZone(China.ZONE));
        int year = today.getYear() - 1;
        int created = 0;
        var stored = schedules.stored();
        for (Jurisdiction jurisdiction : registry.jurisdictions()) {
            ReminderSchedule schedule = schedules.of(jurisdiction, stored);
            for (ComplianceRow row : compliance.rows(List.of(jurisdiction), year)) {
                if (!row.notSubmitted()) {
                    continue;
                }
                long days = ChronoUnit.DAYS.between(today, row.deadline());
                if (days >= 1 && days <= STEPS.getLast()) {
                    int step = STEPS.stream().filter(s -> s >= days).findFirst().orElseThrow();
                    created += create(
                            row,
                            ReminderView.Kind.BEFORE_DEADLINE,
                            step,
                            (int) days,
                            clock.instant(),
                            webhook != null,
                            null,
                            null);
                } else if (days < 0) {
                    Integer step = schedule.overdueStep(-days);
                    if (step != null) {
                        created += create(
                                row,
                                ReminderView.Kind.OVERDUE,
                                step,
                                (int) days,
                                clock.instant(),
                                webhook != null,
                                null,
                                null);
                    }
                }
            }
        }
        int[] delivered = webhook == null ? new int[2] : deliver(webhook, clock.instant());
        if (created > 0 || delivered[0] + delivered[1] > 0) {
            log.info(
                    "Reminders of {}: {} created, {} delivered, {} failed", today, created, delivered[0], delivered[1]);
        }
        return new RunResult(today, created, delivered[0], delivered[1]);
    }

    /**
     * Reminders sent by office staff to agencies that have not submitted (the caller chose them), each stored, then
     * delivered to the webhook once every row is written and no transaction is open. A repeated request (the same
     * {@code requestKey}) sends nothing more.
     *
     * @return how many were created
     */
    public int byHand(List<ComplianceRow> rows, Actor sentBy, String requestKey) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(China.ZONE));
        int created = 0;
        for (ComplianceRow row : rows) {
            int days = (int) ChronoUnit.DAYS.between(today, row.deadline());
            created += create(row, ReminderView.Kind.BY_HAND, days, days, now, webhook != null, sentBy, requestKey);
        }
        if (webhook != null && created > 0) {
            deliver(webhook, now);
        }
        return created;
    }

    /** The office's schedule for reminders after the deadline. */
    public ReminderSchedule schedule(Jurisdiction jurisdiction) {
        return schedules.of(jurisdiction);
    }

    public ReminderSchedule saveSchedule(Jurisdiction jurisdiction, Integer overdueEveryDays, Actor by) {
        return schedules.save(jurisdiction, overdueEveryDays, by);
    }

    private int create(
            ComplianceRow row,
            ReminderView.Kind kind,
            int step,
            int days,
            Instant now,
            boolean deliver,
            Actor sentBy,
            String requestKey) {
        String statusZh = ComplianceWords.status(row, Locale.ROOT);
        String statusEn = ComplianceWords.status(row, Locale.ENGLISH);
        String zh = days >= 0
                ? "%s：%d年政府信息公开工作年度报告距法定发布期限（%s）还有 %d 天，当前状态为“%s”，尚未报送政务公开办，请抓紧完成填报、签发和报送。"
                        .formatted(row.nameZh(), row.year(), row.deadline(), days, statusZh)
                : "%s：%d年政府信息公开工作年度报告已超过法定发布期限（%s）%d 天，当前状态为“%s”，尚未报送政务公开办，请尽快完成填报、签发和报送。"
                        .formatted(row.nameZh(), row.year(), row.deadline(), -days, statusZh);
        String en = days >= 0
                ? "%s: the %d annual report is due on %s, %d day(s) from now, and has not been submitted (%s)."
                        .formatted(row.nameZh(), row.year(), row.deadline(), days, statusEn)
                : "%s: the %d annual report was due on %s, %d day(s) ago, and has not been submitted (%s)."
                        .formatted(row.nameZh(), row.year(), row.deadline(), -days, statusEn);
        if (kind == ReminderView.Kind.BY_HAND) {
            zh = "政务公开办催报：" + zh;
            en = "A reminder from the disclosure office: " + en;
        }
        return dsl.insertInto(NOTIFICATION)
                .set(NOTIFICATION.AGENCY_SLUG, row.agency())
                .set(NOTIFICATION.JURISDICTION_SLUG, row.jurisdiction())
                .set(NOTIFICATION.YEAR, row.year())
                .set(NOTIFICATION.KIND, kind.name())
                .set(NOTIFICATION.STEP, step)
                .set(NOTIFICATION.DEADLINE, row.deadline())
                .set(NOTIFICATION.DAYS_LEFT, days)
                .set(NOTIFICATION.REPORT_STATUS, storedStatus(row.status()))
                .set(NOTIFICATION.MESSAGE_ZH, zh)
                .set(NOTIFICATION.MESSAGE_EN, en)
                .set(NOTIFICATION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(NOTIFICATION.SENT_BY, sentBy == null ? null : sentBy.username())
                .set(NOTIFICATION.SENT_BY_NAME, sentBy == null ? null : sentBy.name())
                .set(NOTIFICATION.SENT_BY_AGENCY, sentBy == null ? null : sentBy.agency())
                .set(NOTIFICATION.REQUEST_KEY, requestKey)
                .set(NOTIFICATION.WEBHOOK_STATUS, deliver ? "PENDING" : "SKIPPED")
                .onConflictDoNothing()
                .execute();
    }

    /**
     * The report's status as the notification table and the webhook's {@code reportStatus} have always kept it:
     * {@code NONE} for no report (the label bundle words both that and the queue's {@code NOT_STARTED}).
     */
    static String storedStatus(SubmissionRow.State status) {
        return status.report().map(Enum::name).orElse("NONE");
    }

    /**
     * Delivers what is pending or failed, oldest first. No transaction is open during a call: a batch is taken with a
     * lease ({@code webhook_lease_until}, one statement over rows locked {@code SKIP LOCKED}), so two instances never
     * send one twice, and each outcome is written after its call; a run that died leaves its lease to expire.
     */
    private int[] deliver(URI webhook, Instant now) {
        int[] counts = new int[2];
        long after = 0;
        // Long enough for every call of a batch to time out twice over (connect, then answer).
        Duration lease = webhookTimeout.multipliedBy(2L * DELIVERY_BATCH).plusMinutes(1);
        while (true) {
            OffsetDateTime taken = OffsetDateTime.now();
            var n = NOTIFICATION;
            var due = DSL.select(n.ID)
                    .from(n)
                    .where(
                            n.WEBHOOK_STATUS.in("PENDING", "FAILED"),
                            n.ID.gt(after),
                            n.WEBHOOK_LEASE_UNTIL.isNull().or(n.WEBHOOK_LEASE_UNTIL.lt(taken)))
                    .orderBy(n.ID)
                    .limit(DELIVERY_BATCH)
                    .forUpdate()
                    .skipLocked();
            List<ReminderView> batch = dsl
                    .update(n)
                    .set(n.WEBHOOK_LEASE_UNTIL, taken.plus(lease))
                    .where(n.ID.in(due))
                    .returning()
                    .fetch(TO_NOTIFICATION)
                    .stream()
                    .sorted(Comparator.comparingLong(ReminderView::id))
                    .toList();
            for (ReminderView notification : batch) {
                after = notification.id();
                String error = post(webhook, notification);
                var update = dsl.update(n)
                        .set(n.WEBHOOK_ATTEMPTS, n.WEBHOOK_ATTEMPTS.plus(1))
                        .setNull(n.WEBHOOK_LEASE_UNTIL);
                if (error == null) {
                    update.set(n.WEBHOOK_STATUS, "SENT")
                            .set(n.WEBHOOK_SENT_AT, now.atOffset(ZoneOffset.UTC))
                            .set(n.WEBHOOK_LAST_ERROR, (String) null)
                            .where(n.ID.eq(notification.id()))
                            .execute();
                    counts[0]++;
                } else {
                    update.set(n.WEBHOOK_STATUS, "FAILED")
                            .set(n.WEBHOOK_LAST_ERROR, error)
                            .where(n.ID.eq(notification.id()))
                            .execute();
                    counts[1]++;
                }
            }
            // One attempt per notification and run (the id cursor moves on): a failure waits for the next run.
            if (batch.size() < DELIVERY_BATCH) {
                return counts;
            }
        }
    }

    /**
     * The webhook's body: the notification as the jurisdiction's own systems receive it. The agency's name only when
     * the registry still has the agency; who sent it only for a reminder by hand.
     */
    record WebhookBody(
            String type,
            ReminderView.Kind kind,
            long id,
            String agency,
            @JsonInclude(JsonInclude.Include.NON_NULL) String agencyName,
            String jurisdiction,
            int year,
            int step,
            String deadline,
            int daysLeft,
            String reportStatus,
            @JsonProperty("message_zh") String messageZh,
            @JsonProperty("message_en") String messageEn,
            String createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sentBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sentByName,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sentByAgency) {

        static final String TYPE = "gongkai.deadline-reminder";
    }

    private String post(URI webhook, ReminderView n) {
        boolean byHand = n.sentBy() != null;
        var body = new WebhookBody(
                WebhookBody.TYPE,
                n.kind(),
                n.id(),
                n.agency(),
                registry.find(AgencySlug.of(n.agency())).map(a -> a.nameZh()).orElse(null),
                n.jurisdiction(),
                n.year(),
                n.step(),
                n.deadline().toString(),
                n.daysLeft(),
                n.reportStatus(),
                n.messageZh(),
                n.messageEn(),
                n.createdAt().toString(),
                byHand ? n.sentBy() : null,
                byHand ? n.sentByName() : null,
                byHand ? n.sentByAgency() : null);
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(webhook)
                            .timeout(webhookTimeout)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("Idempotency-Key", "gongkai-notification-" + n.id())
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    /** The notifications of some jurisdictions for a year, newest first. */
    public List<ReminderView> ofJurisdictions(List<JurisdictionSlug> jurisdictions, int year) {
        return dsl.selectFrom(NOTIFICATION)
                .where(
                        NOTIFICATION.JURISDICTION_SLUG.in(jurisdictions.stream()
                                .map(JurisdictionSlug::value)
                                .toList()),
                        NOTIFICATION.YEAR.eq(year))
                .orderBy(NOTIFICATION.ID.desc())
                .fetch(TO_NOTIFICATION);
    }

    /** One agency's own notifications (all years, or one), newest first. */
    public List<ReminderView> ofAgency(AgencySlug agency, Integer year) {
        var condition = NOTIFICATION.AGENCY_SLUG.eq(agency.value());
        if (year != null) {
            condition = condition.and(NOTIFICATION.YEAR.eq(year));
        }
        return dsl.selectFrom(NOTIFICATION)
                .where(condition)
                .orderBy(NOTIFICATION.ID.desc())
                .fetch(TO_NOTIFICATION);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
