package dev.gongkai.contract;

import java.time.OffsetDateTime;

/**
 * One year of an agency's list of reports, without its document.
 *
 * @param openComments the office's review comments (threads) not resolved yet
 */
public record ReportSummary(
        int year,
        String format,
        ReportStatus status,
        int revision,
        ReportSource source,
        OffsetDateTime updatedAt,
        int openComments) {}
