package dev.gongkai.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder to an agency that had not submitted its report, as the publishing service lists it
 * ({@code GET /api/office/notifications}, {@code GET /api/notifications}).
 *
 * @param kind          why it was sent: before the deadline, after it (the office's schedule), or by hand
 * @param step          before the deadline the days left it is for (14, 7, 3, 1); after it minus the days late it was
 *                      due on (-1, -8, …); one per agency, year and step, except those sent by hand
 * @param daysLeft      the days left when it was created (negative: days late)
 * @param reportStatus  the report's status then ({@code NONE}: no report at all)
 * @param sentBy        who sent it by hand (null for the scheduled ones)
 * @param sentByName    their full name (王晓梅), null for the scheduled ones and those sent before names were kept
 * @param sentByAgency  the agency they acted for (乌海市政务公开办), null as the name and for those sent before agencies
 *                      were kept
 * @param webhookStatus {@code PENDING}, {@code SENT}, {@code FAILED} (retried on the next run) or {@code SKIPPED}
 */
public record ReminderView(
        long id,
        String agency,
        String jurisdiction,
        int year,
        Kind kind,
        int step,
        LocalDate deadline,
        int daysLeft,
        String reportStatus,
        String messageZh,
        String messageEn,
        Instant createdAt,
        String sentBy,
        String sentByName,
        String sentByAgency,
        String webhookStatus,
        int webhookAttempts,
        String webhookLastError,
        Instant webhookSentAt) {

    public enum Kind {
        BEFORE_DEADLINE,
        OVERDUE,
        BY_HAND
    }
}
