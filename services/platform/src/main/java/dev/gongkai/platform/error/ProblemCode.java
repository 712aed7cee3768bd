package dev.gongkai.platform.error;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * The catalogue of problem codes: each has one HTTP status and one pair of texts, in
 * {@code problems/messages_zh.properties} and {@code problems/messages_en.properties} under its code (a declared
 * variant under {@code code.variant}). Arguments are the texts' {@code {0}}, {@code {1}}, … in order.
 */
public enum ProblemCode {
    // Requests and access (platform).
    AUTHENTICATION_REQUIRED("authentication.required", HttpStatus.UNAUTHORIZED),
    AUTHENTICATION_UNAVAILABLE("authentication.unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    ACCESS_DENIED("access.denied", HttpStatus.FORBIDDEN, "office-only", "needs-role"),
    REQUEST_INVALID("request.invalid", HttpStatus.BAD_REQUEST, "parameters"),
    REQUEST_PARAMETER_INVALID("request.parameter.invalid", HttpStatus.BAD_REQUEST),
    INTERNAL_ERROR("internal.error", HttpStatus.INTERNAL_SERVER_ERROR),
    AGENCY_NONE("agency.none", HttpStatus.FORBIDDEN),
    AGENCY_AMBIGUOUS("agency.ambiguous", HttpStatus.BAD_REQUEST),
    AGENCY_SUSPENDED("agency.suspended", HttpStatus.FORBIDDEN),
    AGENCY_ARCHIVED("agency.archived", HttpStatus.FORBIDDEN),
    AGENCY_NOT_FOUND("agency.not-found", HttpStatus.NOT_FOUND),
    AGENCY_SLUG_INVALID("agency.slug.invalid", HttpStatus.BAD_REQUEST,
            "empty", "length", "ascii", "uppercase", "characters"),
    JURISDICTION_SLUG_INVALID("jurisdiction.slug.invalid", HttpStatus.BAD_REQUEST),
    JURISDICTION_NOT_FOUND("jurisdiction.not-found", HttpStatus.NOT_FOUND),

    // Reports.
    REPORT_YEAR_REQUIRED("report.year.required", HttpStatus.BAD_REQUEST),
    REPORT_YEAR_OUT_OF_RANGE("report.year.out-of-range", HttpStatus.UNPROCESSABLE_CONTENT),
    REPORT_NOT_FOUND("report.not-found", HttpStatus.NOT_FOUND),
    REPORT_OFFICE_USE_OFFICE_API("report.office-use-office-api", HttpStatus.FORBIDDEN),
    REPORT_IF_MATCH_REQUIRED("report.if-match.required", HttpStatus.PRECONDITION_REQUIRED),
    REPORT_IF_MATCH_INVALID("report.if-match.invalid", HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_INVALID("idempotency-key.invalid", HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_REUSED("idempotency-key.reused", HttpStatus.UNPROCESSABLE_CONTENT),
    TRANSITION_NOT_ALLOWED_HERE("transition.not-allowed-here", HttpStatus.FORBIDDEN, "office", "agency"),
    TRANSITION_WRONG_STATUS("transition.wrong-status", HttpStatus.CONFLICT),
    TRANSITION_ACTION_REQUIRED("transition.action.required", HttpStatus.BAD_REQUEST),
    TRANSITION_ACTION_UNKNOWN("transition.action.unknown", HttpStatus.BAD_REQUEST),
    TRANSITION_REASON_REQUIRED("transition.reason.required", HttpStatus.BAD_REQUEST),
    TRANSITION_REASON_TOO_LONG("transition.reason.too-long", HttpStatus.UNPROCESSABLE_CONTENT),
    TRANSITION_EXPLANATIONS_INVALID("transition.explanations.invalid", HttpStatus.UNPROCESSABLE_CONTENT),
    TRANSITION_EXPLANATIONS_UNKNOWN_FINDING("transition.explanations.unknown-finding",
            HttpStatus.UNPROCESSABLE_CONTENT),
    TRANSITION_BLOCKED_BY_FINDINGS("transition.blocked-by-findings", HttpStatus.UNPROCESSABLE_CONTENT),
    EXPLANATION_EMPTY("explanation.empty", HttpStatus.UNPROCESSABLE_CONTENT),
    EXPLANATION_TOO_LONG("explanation.too-long", HttpStatus.UNPROCESSABLE_CONTENT),

    // Publishing.
    DEAD_EVENT_NOT_FOUND("dead-event.not-found", HttpStatus.NOT_FOUND),
    REMINDER_SCHEDULE_INVALID("reminder.schedule.invalid", HttpStatus.BAD_REQUEST),
    REMINDER_TARGET_REQUIRED("reminder.target.required", HttpStatus.BAD_REQUEST),
    REMINDER_NOT_OWED("reminder.not-owed", HttpStatus.CONFLICT);

    private final String code;
    private final HttpStatus status;
    private final List<String> variants;

    ProblemCode(String code, HttpStatus status, String... variants) {
        this.code = code;
        this.status = status;
        this.variants = List.of(variants);
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The message variants the code declares (its bundle keys are {@code code.variant}). */
    public List<String> variants() {
        return variants;
    }

    String messageKey(String variant) {
        return variant == null ? code : code + "." + variant;
    }
}
