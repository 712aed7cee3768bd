package dev.gongkai.publishing.compliance;

import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.ComplianceView;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.jooq.core.tables.records.ReportStateRecord;
import dev.gongkai.publishing.revisions.Deadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Every reporting agency of a jurisdiction beside its row of {@code core.report_state} for the year (one query),
 * with the deadline judged on the date in China. The legal deadline is the line here, whatever a scorecard pack says.
 *
 * <p>A jurisdiction's rows are computed again only when what they are computed from has changed: each request first
 * reads a stamp of the jurisdiction's {@code core.agency} rows and the year's {@code core.report_state} rows (their
 * count and the sum of their {@code xmin}, the id of the transaction that wrote each row version: every committed
 * insert, update or delete changes one or the other) and reuses the rows computed under the same stamp on the same
 * date. The stamp is read before the rows, so rows computed from newer data than their stamp are only recomputed once
 * more, never kept stale. One aggregate query instead of reading and mapping a thousand rows of each table.
 */
public class Compliance {

    private final DSLContext dsl;
    private final OfficeScope scope;
    private final Clock clock;
    private final Cache<Key, Computed> computed = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public Compliance(DSLContext dsl, OfficeScope scope, Clock clock) {
        this.dsl = dsl;
        this.scope = scope;
        this.clock = clock;
    }

    private record Key(String jurisdiction, int year) {}

    private record Computed(String stamp, LocalDate today, List<ComplianceRow> rows) {}

    /** Agencies by jurisdiction then slug; every agency appears, including those without a report. */
    public List<ComplianceRow> rows(Collection<Jurisdiction> jurisdictions, int year) {
        LocalDate today = LocalDate.now(clock.withZone(China.ZONE));
        List<ComplianceRow> rows = new ArrayList<>();
        for (Jurisdiction jurisdiction : jurisdictions) {
            rows.addAll(rows(jurisdiction, year, today));
        }
        return rows;
    }

    private List<ComplianceRow> rows(Jurisdiction jurisdiction, int year, LocalDate today) {
        Key key = new Key(jurisdiction.slug().value(), year);
        String stamp = stamp(key);
        Computed known = computed.getIfPresent(key);
        if (known != null && known.stamp().equals(stamp) && known.today().equals(today)) {
            return known.rows();
        }
        List<Agency> agencies = scope.reportingAgencies(jurisdiction);
        // By the row's own jurisdiction (indexed with the year), not a list of a thousand slugs.
        Map<String, ReportStateRecord> states = dsl.selectFrom(REPORT_STATE)
                .where(REPORT_STATE.JURISDICTION_SLUG.eq(key.jurisdiction()), REPORT_STATE.YEAR.eq(year))
                .fetchMap(REPORT_STATE.AGENCY_SLUG);
        List<ComplianceRow> rows = agencies.stream()
                .map(agency -> row(agency, year, states.get(agency.slug().value()), today))
                .toList();
        computed.put(key, new Computed(stamp, today, rows));
        return rows;
    }

    private String stamp(Key key) {
        Field<String> agencies = DSL.field(
                "(select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) "
                        + "from core.agency where jurisdiction_slug = {0})",
                String.class, DSL.val(key.jurisdiction()));
        Field<String> states = DSL.field(
                "(select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) "
                        + "from core.report_state where jurisdiction_slug = {0} and year = {1})",
                String.class, DSL.val(key.jurisdiction()), DSL.val(key.year()));
        var stamps = dsl.select(agencies, states).fetchSingle();
        return stamps.value1() + "/" + stamps.value2();
    }

    static ComplianceRow row(Agency agency, int year, ReportStateRecord s, LocalDate today) {
        LocalDate deadline = Deadlines.of(agency, year);
        boolean compiled = agency.kind() == AgencyKind.DISCLOSURE_OFFICE;
        Instant published = s == null ? null : instant(s.getFirstPublishedAt());
        ComplianceRow.Compliance compliance;
        Integer daysLeft = null;
        Integer daysLate = null;
        if (published != null) {
            LocalDate on = published.atZone(China.ZONE).toLocalDate();
            compliance = on.isAfter(deadline) ? ComplianceRow.Compliance.LATE : ComplianceRow.Compliance.ON_TIME;
            if (on.isAfter(deadline)) {
                daysLate = (int) ChronoUnit.DAYS.between(deadline, on);
            }
        } else if (today.isAfter(deadline)) {
            compliance = ComplianceRow.Compliance.OVERDUE;
            daysLate = (int) ChronoUnit.DAYS.between(deadline, today);
        } else {
            compliance = ComplianceRow.Compliance.OPEN;
            daysLeft = (int) ChronoUnit.DAYS.between(today, deadline);
        }
        AgencyKind kind = agency.kind();
        String j = agency.jurisdiction().value();
        if (s == null) {
            return new ComplianceRow(
                    agency.slug().value(),
                    agency.nameZh(),
                    kind,
                    j,
                    year,
                    SubmissionRow.State.NOT_STARTED,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    null,
                    null,
                    0,
                    false,
                    deadline,
                    compiled,
                    compliance,
                    daysLeft,
                    daysLate,
                    0,
                    0,
                    0,
                    null,
                    false,
                    null);
        }
        boolean isPublished = s.getPublishedRevision() != null;
        return new ComplianceRow(
                agency.slug().value(),
                agency.nameZh(),
                kind,
                j,
                year,
                SubmissionRow.State.of(s.getStatus()),
                s.getLastAction(),
                instant(s.getStatusAt()),
                instant(s.getSubmittedAt()),
                instant(s.getFirstSubmittedAt()),
                s.getReturns(),
                instant(s.getApprovedAt()),
                published,
                instant(s.getLastPublishedAt()),
                s.getPublishedRevision(),
                s.getCorrections(),
                s.getImported(),
                deadline,
                compiled,
                compliance,
                daysLeft,
                daysLate,
                s.getErrors(),
                s.getWarnings(),
                s.getUnexplainedWarnings(),
                s.getWebsiteUrl(),
                isPublished && s.getWebsiteUrl() == null,
                s.getReportRevision());
    }

    /** Counts per workflow status and per compliance state, and the published reports without a website URL. */
    public static ComplianceView.Totals totals(List<ComplianceRow> rows) {
        return new ComplianceView.Totals(
                rows.size(),
                count(rows, ComplianceRow::status, SubmissionRow.State.class),
                count(rows, ComplianceRow::compliance, ComplianceRow.Compliance.class),
                rows.stream().filter(ComplianceRow::websiteUrlMissing).count(),
                rows.stream().filter(ComplianceRow::notSubmitted).count());
    }

    private static <K extends Enum<K>> Map<K, Long> count(
            List<ComplianceRow> rows, Function<ComplianceRow, K> key, Class<K> type) {
        return rows.stream().collect(Collectors.groupingBy(key, () -> new EnumMap<>(type), Collectors.counting()));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
