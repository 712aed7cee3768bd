package dev.gongkai.publishing.compliance;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.jooq.core.tables.records.ReportStateRecord;
import dev.gongkai.publishing.revisions.Deadlines;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

/**
 * Every reporting agency of a jurisdiction beside its row of {@code core.report_state} for the year (one query),
 * with the deadline judged on the date in China. The legal deadline is the line here, whatever a scorecard pack says.
 */
public class Compliance {

    private final DSLContext dsl;
    private final OfficeScope scope;
    private final Clock clock;

    public Compliance(DSLContext dsl, OfficeScope scope, Clock clock) {
        this.dsl = dsl;
        this.scope = scope;
        this.clock = clock;
    }

    /** Agencies by jurisdiction then slug; every agency appears, including those without a report. */
    public List<ComplianceRow> rows(Collection<Jurisdiction> jurisdictions, int year) {
        LocalDate today = LocalDate.now(clock.withZone(Deadlines.CHINA));
        List<ComplianceRow> rows = new ArrayList<>();
        for (Jurisdiction jurisdiction : jurisdictions) {
            List<Agency> agencies = scope.reportingAgencies(jurisdiction);
            // By the row's own jurisdiction (indexed with the year), not a list of a thousand slugs.
            Map<String, ReportStateRecord> states = dsl.selectFrom(REPORT_STATE)
                    .where(REPORT_STATE.JURISDICTION_SLUG.eq(jurisdiction.slug().value()), REPORT_STATE.YEAR.eq(year))
                    .fetchMap(REPORT_STATE.AGENCY_SLUG);
            for (Agency agency : agencies) {
                rows.add(row(agency, year, states.get(agency.slug().value()), today));
            }
        }
        return rows;
    }

    static ComplianceRow row(Agency agency, int year, ReportStateRecord s, LocalDate today) {
        LocalDate deadline = Deadlines.of(agency, year);
        boolean compiled = agency.kind() == AgencyKind.DISCLOSURE_OFFICE;
        Instant published = s == null ? null : instant(s.getFirstPublishedAt());
        String compliance;
        Integer daysLeft = null;
        Integer daysLate = null;
        if (published != null) {
            LocalDate on = published.atZone(Deadlines.CHINA).toLocalDate();
            compliance = on.isAfter(deadline) ? "LATE" : "ON_TIME";
            if (on.isAfter(deadline)) {
                daysLate = (int) ChronoUnit.DAYS.between(deadline, on);
            }
        } else if (today.isAfter(deadline)) {
            compliance = "OVERDUE";
            daysLate = (int) ChronoUnit.DAYS.between(deadline, today);
        } else {
            compliance = "OPEN";
            daysLeft = (int) ChronoUnit.DAYS.between(today, deadline);
        }
        String kind = agency.kind().name();
        String j = agency.jurisdiction().value();
        if (s == null) {
            return new ComplianceRow(agency.slug().value(), agency.nameZh(), kind, j, year, "NONE", null, null, null,
                    null, 0, null, null, null, null, 0, false, deadline, compiled, compliance, daysLeft, daysLate,
                    0, 0, 0, null, false);
        }
        boolean isPublished = s.getPublishedRevision() != null;
        return new ComplianceRow(agency.slug().value(), agency.nameZh(), kind, j, year, s.getStatus(),
                s.getLastAction(), instant(s.getStatusAt()), instant(s.getSubmittedAt()),
                instant(s.getFirstSubmittedAt()), s.getReturns(), instant(s.getApprovedAt()), published,
                instant(s.getLastPublishedAt()), s.getPublishedRevision(), s.getCorrections(), s.getImported(),
                deadline, compiled, compliance, daysLeft, daysLate, s.getErrors(), s.getWarnings(),
                s.getUnexplainedWarnings(), s.getWebsiteUrl(), isPublished && s.getWebsiteUrl() == null);
    }

    /** Counts per workflow status and per compliance state, and the published reports without a website URL. */
    public static Totals totals(List<ComplianceRow> rows) {
        Function<Function<ComplianceRow, String>, Map<String, Long>> count = key -> rows.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        return new Totals(rows.size(), count.apply(ComplianceRow::status), count.apply(ComplianceRow::compliance),
                rows.stream().filter(ComplianceRow::websiteUrlMissing).count(),
                rows.stream().filter(ComplianceRow::notSubmitted).count());
    }

    public record Totals(int agencies, Map<String, Long> byStatus, Map<String, Long> byCompliance,
                         long websiteUrlMissing, long notSubmitted) {
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
