package dev.gongkai.contract;

/**
 * The totals of a batch check ({@code report-cli check}, the office's onboarding check).
 *
 * @param files           every file found (reports and not)
 * @param reports         files read as a report
 * @param notReports      files that are not a report (or could not be read at all)
 * @param withErrors      reports with at least one error finding
 * @param withWarnings    reports with at least one warning finding
 * @param unreadableCells unreadable cells over all reports
 */
public record BatchSummary(
        int files, int reports, int notReports, int withErrors, int withWarnings, long unreadableCells) {}
