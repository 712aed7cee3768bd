package dev.gongkai.contract;

import java.util.List;

/**
 * What an edit of the document answers: the editor already holds the document, so only what changed for them.
 *
 * @param totals the totals the editor may offer the clerk to fill in (never written for them)
 */
public record PatchResult(int year, ReportStatus status, int revision, List<FindingView> findings, List<Total> totals) {

    /**
     * A cell the rules determine that is blank or disagrees with them, and what they say it holds: a total and what
     * its parts add up to, or 结转下年度 and what the column's balance leaves.
     *
     * @param sum  the value offered
     * @param kind why: a total or a carry-forward
     */
    public record Total(String cell, long sum, OfferedValue kind) {}
}
