package dev.gongkai.contract;

import java.util.List;
import java.util.Map;

/**
 * The office's compliance list of a year ({@code GET /api/office/compliance}): every agency of its jurisdictions.
 *
 * @param jurisdictions the jurisdictions listed, by slug
 */
public record ComplianceView(int year, List<String> jurisdictions, Totals totals, List<ComplianceRow> agencies) {

    /**
     * Counts per workflow status and per compliance state, and the published reports without a website URL.
     *
     * @param byStatus     by {@link ComplianceRow#status()}, {@link SubmissionRow.State#NOT_STARTED} for no report
     * @param byCompliance by {@link ComplianceRow#compliance()}
     */
    public record Totals(
            int agencies,
            Map<SubmissionRow.State, Long> byStatus,
            Map<ComplianceRow.Compliance, Long> byCompliance,
            long websiteUrlMissing,
            long notSubmitted) {}
}
