package dev.gongkai.platform.events;

import java.time.Instant;

/**
 * A report moved in its lifecycle (drafted, sign-off requested, submitted, withdrawn, returned, approved, published,
 * correction started). Written by the reports service to {@code core.outbox} in the transaction of the change;
 * the publishing service keeps the compliance read model from it. Consumers are idempotent on {@code eventId}.
 *
 * @param eventId             unique per event (a UUID), the consumers' idempotency key
 * @param agency              the agency's slug
 * @param jurisdiction        the agency's jurisdiction slug
 * @param year                the report year
 * @param action              the workflow action that caused it ({@code create}, {@code submit}, {@code return}, …)
 * @param status              the status after the change ({@code DRAFT}, {@code SUBMITTED}, …)
 * @param revision            the report revision at the change
 * @param at                  when it happened
 * @param actor               who did it (username)
 * @param errors              error findings at the change
 * @param warnings            warning findings at the change
 * @param unexplainedWarnings warnings without a written explanation
 * @param reason              the reason given (return, correction), else null
 */
public record ReportStatusChanged(
        String eventId,
        String agency,
        String jurisdiction,
        int year,
        String action,
        String status,
        int revision,
        Instant at,
        String actor,
        int errors,
        int warnings,
        int unexplainedWarnings,
        String reason) {
}
