package dev.gongkai.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How an office scores its agencies' reports of one year, the way provincial evaluators do: a base score and
 * deductions, each taken at most once per agency ({@code GET/PUT /api/office/scorecard-pack}).
 *
 * @param line       the office's own publication line; null means the legal deadline. It only affects the score:
 *                   compliance is always judged on the legal deadline
 * @param defaults   true when the office has not configured a pack for the year and the default one applies
 * @param updatedByName the full name of who set it (王晓梅), null for the default and for packs set before names
 *                   were kept
 * @param updatedByAgency the agency they acted for (乌海市政务公开办), null as the name and for packs set before
 *                   agencies were kept
 */
public record ScorecardPack(
        int year,
        BigDecimal base,
        LocalDate line,
        List<Deduction> deductions,
        boolean defaults,
        String updatedBy,
        String updatedByName,
        String updatedByAgency,
        Instant updatedAt) {

    /** The report was not published at all. */
    public static final String REPORT_MISSING = "REPORT_MISSING";
    /** First published after the pack's line (or the legal deadline when the pack has none). */
    public static final String PUBLISHED_AFTER_LINE = "PUBLISHED_AFTER_LINE";
    /** Any error of the table arithmetic: S3_BALANCE, S3_HANDLED_SUM, S3_ROW_TOTAL, S4_TOTAL. */
    public static final String DATA_INCONSISTENT = "DATA_INCONSISTENT";
    /** Published, but no own-site URL recorded for the current revision. */
    public static final String WEBSITE_URL_MISSING = "WEBSITE_URL_MISSING";

    /**
     * @param item    one of the items above, or a rule id of the catalogue (e.g. {@code PROBLEMS_COPIED}): any
     *                finding of that rule on the published report
     * @param points  what is deducted
     * @param labelZh how the evaluators' sheet names it (optional)
     */
    public record Deduction(String item, BigDecimal points, String labelZh) {}

    /** An item the office may choose for a deduction, with its name. */
    public record Item(String item, String nameZh, String nameEn) {}
}
