package dev.gongkai.report.batch;

import java.util.List;

/**
 * The totals of a batch check.
 *
 * @param files           every file found (reports and not)
 * @param reports         files read as a report
 * @param notReports      files that are not a report (or could not be read at all)
 * @param withErrors      reports with at least one error finding
 * @param withWarnings    reports with at least one warning finding
 * @param unreadableCells unreadable cells over all reports
 */
public record BatchSummary(
        int files, int reports, int notReports, int withErrors, int withWarnings, long unreadableCells) {

    public static BatchSummary of(List<ReportLine> lines) {
        int reports = 0;
        int withErrors = 0;
        int withWarnings = 0;
        long unreadable = 0;
        for (ReportLine line : lines) {
            if (!line.isReport()) {
                continue;
            }
            reports++;
            withErrors += line.errors() > 0 ? 1 : 0;
            withWarnings += line.warnings() > 0 ? 1 : 0;
            unreadable += line.unreadableCells();
        }
        return new BatchSummary(lines.size(), reports, lines.size() - reports, withErrors, withWarnings, unreadable);
    }
}
