package dev.gongkai.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One agency's score for one year, beside its compliance row ({@code GET /api/office/scorecards}).
 *
 * @param score      the pack's base less every deduction, never below 0
 * @param notDue     not published, and the line (the pack's, or the legal deadline) has not passed yet: nothing is
 *                   deducted for it, and the score says so rather than counting a report that is not yet owed
 * @param deductions each with the evidence it was taken on
 */
public record Scorecard(
        String agency,
        String nameZh,
        BigDecimal base,
        BigDecimal score,
        BigDecimal deducted,
        boolean notDue,
        List<Applied> deductions,
        ComplianceRow compliance) {

    /** @param labelZh the office's name for the item, else the item's own name: words, never the item's code */
    public record Applied(String item, BigDecimal points, String labelZh, Evidence evidence) {}

    /**
     * What a deduction rests on.
     *
     * @param findings    the findings of the re-check of the published report (ids as the reports service gives
     *                    them: rule and sorted cells, hashed)
     * @param revision    the published revision that was checked
     * @param previousYear the year whose published report was the cross-year context, if any
     * @param link        the public page of the checked revision
     */
    public record Evidence(
            String summaryZh,
            String summaryEn,
            List<EvidenceFinding> findings,
            Instant publishedAt,
            LocalDate line,
            LocalDate deadline,
            SubmissionRow.State status,
            String websiteUrl,
            Integer revision,
            Integer previousYear,
            String link) {}

    public record EvidenceFinding(
            String id, String rule, String severity, List<String> cells, String messageZh, String messageEn) {}
}
