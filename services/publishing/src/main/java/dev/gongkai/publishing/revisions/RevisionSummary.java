package dev.gongkai.publishing.revisions;

import java.time.Instant;

/** A line of a report year's publication history (no document). */
public record RevisionSummary(
        int number,
        Instant publishedAt,
        boolean correction,
        String reason,
        boolean imported,
        boolean late,
        String websiteUrl) {}
