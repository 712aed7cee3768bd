package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What moved a report, as its status events name it: its creation, a redraft, or a workflow {@link Action}. Each
 * has its own outbox event type.
 */
public enum ReportChange {
    CREATE("create", "ReportCreated", null),
    EDIT("edit", "ReportRedrafted", null),
    REQUEST_SIGNOFF(Action.REQUEST_SIGNOFF, "ReportSignoffRequested"),
    SUBMIT(Action.SUBMIT, "ReportSubmitted"),
    WITHDRAW(Action.WITHDRAW, "ReportWithdrawn"),
    RETURN(Action.RETURN, "ReportReturned"),
    APPROVE(Action.APPROVE, "ReportApproved"),
    PUBLISH(Action.PUBLISH, "ReportMarkedPublished"),
    CORRECT(Action.CORRECT, "ReportCorrectionStarted");

    private final String code;
    private final String eventType;
    private final Action action;

    ReportChange(Action action, String eventType) {
        this(action.code(), eventType, action);
    }

    ReportChange(String code, String eventType, Action action) {
        this.code = code;
        this.eventType = eventType;
        this.action = action;
    }

    public static ReportChange of(Action action) {
        return Arrays.stream(values())
                .filter(c -> c.action == action)
                .findFirst()
                .orElseThrow();
    }

    public static Optional<ReportChange> ofEventType(String type) {
        return Arrays.stream(values()).filter(c -> c.eventType.equals(type)).findFirst();
    }

    /** As the events and the audit trail spell it. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The outbox event type, e.g. {@code ReportSubmitted}. */
    public String eventType() {
        return eventType;
    }

    /** The workflow action, if it was one. */
    public Optional<Action> action() {
        return Optional.ofNullable(action);
    }
}
