package dev.gongkai.contract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One agency's line of the office's review queue for a year ({@code GET /api/office/submissions}).
 *
 * @param status     where the agency's report of the year is, {@link State#NOT_STARTED} while it has none
 * @param revision   the report's revision, null without a report
 * @param correction the report was published and the office has started a correction of it
 */
public record SubmissionRow(
        String agency,
        String agencyName,
        String jurisdiction,
        int year,
        State status,
        Integer revision,
        LocalDate deadline,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt,
        boolean correction) {

    /**
     * The queue's states: a report's {@link ReportStatus}, and {@link #NOT_STARTED} for an agency without a report.
     * A state of its own rather than a null status, because the office filters on "not started" as on any other
     * state (the filter list iterates over these, the URL's {@code status} names it, the label bundle words it): a
     * null would be a special case in each of those places. The names are the wire's, as they were as strings.
     */
    public enum State {
        NOT_STARTED(null),
        DRAFT(ReportStatus.DRAFT),
        PENDING_SIGNOFF(ReportStatus.PENDING_SIGNOFF),
        SUBMITTED(ReportStatus.SUBMITTED),
        RETURNED(ReportStatus.RETURNED),
        APPROVED(ReportStatus.APPROVED),
        PUBLISHED(ReportStatus.PUBLISHED);

        private final ReportStatus report;

        State(ReportStatus report) {
            this.report = report;
        }

        /** The queue's state of a report in {@code status}. */
        public static State of(ReportStatus status) {
            return Arrays.stream(values())
                    .filter(s -> s.report == status)
                    .findFirst()
                    .orElseThrow();
        }

        /** The report's status; empty while the agency has no report. */
        public Optional<ReportStatus> report() {
            return Optional.ofNullable(report);
        }
    }

    /** The states in which the report has been handed to the office at least once. */
    private static final Set<State> HANDED_IN =
            EnumSet.of(State.SUBMITTED, State.RETURNED, State.APPROVED, State.PUBLISHED);

    /** The report of the year has been handed to the office at least once, so the office may open it. */
    public boolean reviewable() {
        return submittedAt != null || HANDED_IN.contains(status);
    }

    /** It waits for the office's review. */
    public boolean waiting() {
        return status == State.SUBMITTED;
    }
}
