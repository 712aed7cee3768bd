package dev.gongkai.publishing.revisions;

import dev.gongkai.report.model.AnnualReport;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One publication of a report year as the public saw it.
 *
 * @param number         1 for the first publication, one more per correction
 * @param reportRevision the working revision of the report that was published
 * @param websiteUrl     where the agency posted it on its own website, if recorded
 */
public record PublishedRevision(
        int year,
        int number,
        int reportRevision,
        AnnualReport report,
        Instant publishedAt,
        boolean correction,
        String reason,
        boolean imported,
        LocalDate deadline,
        boolean late,
        String websiteUrl,
        Instant websiteUrlAt) {}
