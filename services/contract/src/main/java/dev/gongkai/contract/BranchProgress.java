package dev.gongkai.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How far one branch is with one year's report, as its parent agency may see it: the workflow state, the counts of
 * findings and the dates, never a cell or a narrative.
 *
 * @param parent   the agency directly above it (the caller's own agency, or a branch of it)
 * @param status   the workflow status, null when the branch has no report for the year at all
 * @param late     first published after the legal deadline
 * @param overdue  not published and the legal deadline (on today's date in China) has passed
 */
public record BranchProgress(
        String agency,
        String nameZh,
        String parent,
        int year,
        ReportStatus status,
        int errors,
        int warnings,
        Instant submittedAt,
        Instant publishedAt,
        LocalDate deadline,
        boolean late,
        boolean overdue) {}
