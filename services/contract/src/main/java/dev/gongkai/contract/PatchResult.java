package dev.gongkai.contract;

import java.util.List;

/**
 * What an edit of the document answers: the editor already holds the document, so only what changed for them.
 *
 * @param totals the totals the editor may offer the clerk to fill in (never written for them)
 */
public record PatchResult(int year, ReportStatus status, int revision, List<FindingView> findings,
                          List<Total> totals) {

    /** A total cell that is blank or disagrees with its parts, and what its parts add up to. */
    public record Total(String cell, long sum) {
    }
}
