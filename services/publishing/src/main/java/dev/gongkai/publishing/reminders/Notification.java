package dev.gongkai.publishing.reminders;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline reminder to an agency that had not submitted its report.
 *
 * @param step          the reminder step in days before the deadline (14, 7, 3, 1); one per agency, year and step
 * @param daysLeft      the days left when it was created
 * @param reportStatus  the report's status then ({@code NONE}: no report at all)
 * @param webhookStatus {@code PENDING}, {@code SENT}, {@code FAILED} (retried on the next run) or {@code SKIPPED}
 */
public record Notification(long id, String agency, String jurisdiction, int year, int step, LocalDate deadline,
                           int daysLeft, String reportStatus, String messageZh, String messageEn, Instant createdAt,
                           String webhookStatus, int webhookAttempts, String webhookLastError,
                           Instant webhookSentAt) {
}
