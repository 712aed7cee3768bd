package dev.gongkai.platform.events;

import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportStatus;
import java.time.Instant;

/**
 * A report moved in its lifecycle. Written by the reports service to {@code core.outbox} in the transaction of the
 * change, as one event type per step ({@code ReportSubmitted}, {@code ReportReturned}, {@code ReportApproved}, … see
 * {@link ReportChange#eventType()}), all with this payload; the publishing service keeps the compliance read model
 * from them.
 * Consumers are idempotent on {@code eventId}.
 *
 * @param eventId             unique per event (a UUID), the consumers' idempotency key
 * @param agency              the agency's slug
 * @param jurisdiction        the agency's jurisdiction slug
 * @param year                the report year
 * @param action              what caused it: the report's creation, a redraft or a workflow action
 * @param status              the status after the change
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
        ReportChange action,
        ReportStatus status,
        int revision,
        Instant at,
        String actor,
        int errors,
        int warnings,
        int unexplainedWarnings,
        String reason)
        implements ReportEvent {

    /** This change's event type, e.g. {@code ReportSubmitted} for the action {@code submit}. */
    @Override
    public String type() {
        return action.eventType();
    }
}
