package dev.gongkai.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A report moved in its lifecycle. Written by the reports service to {@code core.outbox} in the transaction of the
 * change, as one event type per step ({@code ReportSubmitted}, {@code ReportReturned}, {@code ReportApproved}, … see
 * {@link #type()}), all with this payload; the publishing service keeps the compliance read model from them.
 * Consumers are idempotent on {@code eventId}.
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

    /** The outbox event type of each workflow action. */
    public static final Map<String, String> TYPES = Map.of(
            "create", "ReportCreated",
            "edit", "ReportRedrafted",
            "request-signoff", "ReportSignoffRequested",
            "submit", "ReportSubmitted",
            "withdraw", "ReportWithdrawn",
            "return", "ReportReturned",
            "approve", "ReportApproved",
            "publish", "ReportMarkedPublished",
            "correct", "ReportCorrectionStarted");

    /** Every event type that carries this payload. */
    public static final Set<String> ALL_TYPES = Set.copyOf(TYPES.values());

    /** This change's event type, e.g. {@code ReportSubmitted} for the action {@code submit}. */
    public String type() {
        String type = TYPES.get(action);
        if (type == null) {
            throw new IllegalStateException("No event type for the action " + action);
        }
        return type;
    }
}
