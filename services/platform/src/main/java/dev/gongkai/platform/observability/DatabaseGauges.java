package dev.gongkai.platform.observability;

import static dev.gongkai.platform.jooq.core.Tables.ORGANIZATION_SYNC;
import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;

import dev.gongkai.contract.ReportStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Gauges read from the shared database, refreshed on a timer rather than on every scrape (a scrape must never wait
 * for PostgreSQL): reports by workflow status and year from {@code core.report_state} (no agency tag: thousands of
 * agencies times statuses times years is not a metric, it is a query), and the outbox lag, the number of
 * unpublished {@code core.outbox} rows and the age of the oldest one, and the removals Keycloak has yet to carry out
 * ({@code core.organization_sync}: above zero for long, Keycloak is refusing them). Every instance of every service reads the
 * same rows, so only the services that enable {@code gongkai.observability.database-gauges.enabled} publish them
 * (the tenants service); dashboards take {@code max} over instances.
 */
class DatabaseGauges implements SmartInitializingSingleton, DisposableBean {

    static final String REPORTS = "gongkai.reports";
    static final String OUTBOX_UNPUBLISHED = "gongkai.outbox.unpublished";
    static final String OUTBOX_OLDEST_AGE = "gongkai.outbox.oldest.age";
    static final String KEYCLOAK_SYNC_PENDING = "gongkai.keycloak.sync.pending";

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    private final DSLContext dsl;
    private final Duration interval;
    private final MultiGauge reports;
    private final AtomicReference<OutboxLag> outbox = new AtomicReference<>(new OutboxLag(0, 0));
    private final AtomicLong keycloakSyncPending = new AtomicLong();
    private ScheduledExecutorService timer;

    DatabaseGauges(DSLContext dsl, MeterRegistry registry, Duration interval) {
        this.dsl = dsl;
        this.interval = interval;
        this.reports = MultiGauge.builder(REPORTS)
                .description("Agency reports by workflow status and year (core.report_state)")
                .register(registry);
        Gauge.builder(OUTBOX_UNPUBLISHED, outbox, o -> o.get().unpublished())
                .description("Events in core.outbox not yet relayed to Redis")
                .register(registry);
        Gauge.builder(OUTBOX_OLDEST_AGE, outbox, o -> o.get().oldestAgeSeconds())
                .description("Age of the oldest unpublished event in core.outbox (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(KEYCLOAK_SYNC_PENDING, keycloakSyncPending, AtomicLong::get)
                .description("Removals from an agency that Keycloak has not yet carried out (core.organization_sync)")
                .register(registry);
    }

    @Override
    public void afterSingletonsInstantiated() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gongkai-db-gauges").factory());
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // Database away or schema core not migrated yet: keep the last values, try again next round.
            log.debug("Refreshing database gauges failed: {}", e.getMessage());
        }
    }

    /** Reads the current values now (the timer calls this; tests may too). */
    void refresh() {
        List<Record3<ReportStatus, Integer, Integer>> rows = dsl.select(REPORT_STATE.STATUS, REPORT_STATE.YEAR, count())
                .from(REPORT_STATE)
                .groupBy(REPORT_STATE.STATUS, REPORT_STATE.YEAR)
                .fetch();
        reports.register(
                rows.stream()
                        .map(r -> MultiGauge.Row.of(
                                Tags.of("status", r.value1().name(), "year", String.valueOf(r.value2())), r.value3()))
                        .toList(),
                true);
        // The age on the database's clock, so a skewed service clock cannot invent or hide lag.
        var lag = dsl.select(count(), field("extract(epoch from now() - {0})", Double.class, min(OUTBOX.CREATED_AT)))
                .from(OUTBOX)
                .where(OUTBOX.PUBLISHED_AT.isNull())
                .fetchOne();
        long unpublished = lag == null ? 0 : lag.value1();
        double age = lag == null || lag.value2() == null ? 0 : Math.max(0, lag.value2());
        outbox.set(new OutboxLag(unpublished, age));
        keycloakSyncPending.set(dsl.fetchCount(ORGANIZATION_SYNC));
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private record OutboxLag(long unpublished, double oldestAgeSeconds) {}
}
