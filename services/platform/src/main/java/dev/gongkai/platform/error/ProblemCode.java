package dev.gongkai.platform.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The catalogue of problem codes: each has one HTTP status and one pair of texts, in
 * {@code problems/messages_zh.properties} and {@code problems/messages_en.properties} under its code (a declared
 * variant under {@code code.variant}). Arguments are the texts' {@code {0}}, {@code {1}}, … in order.
 */
public enum ProblemCode {
    // Requests and access (platform).
    AUTHENTICATION_REQUIRED("authentication.required", HttpStatus.UNAUTHORIZED),
    AUTHENTICATION_UNAVAILABLE("authentication.unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    ACCESS_DENIED(
            "access.denied",
            HttpStatus.FORBIDDEN,
            "office-only",
            "needs-role",
            "submissions",
            "onboarding",
            "registry",
            "agency-users",
            "office-staff",
            "office-admin",
            "website-url",
            "branches"),
    REQUEST_INVALID("request.invalid", HttpStatus.BAD_REQUEST, "parameters"),
    REQUEST_PARAMETER_INVALID("request.parameter.invalid", HttpStatus.BAD_REQUEST),
    INTERNAL_ERROR("internal.error", HttpStatus.INTERNAL_SERVER_ERROR),
    AGENCY_NONE("agency.none", HttpStatus.FORBIDDEN),
    AGENCY_AMBIGUOUS("agency.ambiguous", HttpStatus.BAD_REQUEST),
    AGENCY_SUSPENDED("agency.suspended", HttpStatus.FORBIDDEN),
    AGENCY_ARCHIVED("agency.archived", HttpStatus.FORBIDDEN),
    AGENCY_NOT_FOUND("agency.not-found", HttpStatus.NOT_FOUND, "no-schema"),
    AGENCY_SLUG_INVALID(
            "agency.slug.invalid", HttpStatus.BAD_REQUEST, "empty", "length", "ascii", "uppercase", "characters"),
    JURISDICTION_SLUG_INVALID("jurisdiction.slug.invalid", HttpStatus.BAD_REQUEST),
    JURISDICTION_NOT_FOUND("jurisdiction.not-found", HttpStatus.NOT_FOUND),

    // Tenants: the registry, provisioning, an agency's users, backups.
    JURISDICTION_PARENT_NOT_FOUND("jurisdiction.parent.not-found", HttpStatus.BAD_REQUEST),
    JURISDICTION_EXISTS("jurisdiction.exists", HttpStatus.CONFLICT),
    AGENCY_PARENT_NOT_FOUND("agency.parent.not-found", HttpStatus.BAD_REQUEST),
    AGENCY_EXISTS("agency.exists", HttpStatus.CONFLICT, "with-data"),
    AGENCY_NO_ORGANIZATION("agency.no-organization", HttpStatus.CONFLICT),
    USER_EXISTS("user.exists", HttpStatus.CONFLICT),
    USER_NOT_FOUND("user.not-found", HttpStatus.NOT_FOUND),
    USER_SELF_DISABLE("user.self-disable", HttpStatus.UNPROCESSABLE_CONTENT),
    USER_ROLE_NOT_ALLOWED("user.role-not-allowed", HttpStatus.UNPROCESSABLE_CONTENT),
    USER_LAST_ADMIN("user.last-admin", HttpStatus.CONFLICT),
    KEYCLOAK_FAILED("keycloak.failed", HttpStatus.BAD_GATEWAY, "agency-status", "provisioning-step"),
    KEYCLOAK_DISABLED("keycloak.disabled", HttpStatus.SERVICE_UNAVAILABLE),
    RESTORE_UNAUTHENTICATED("restore.unauthenticated", HttpStatus.BAD_REQUEST),
    RESTORE_REFUSED("restore.refused", HttpStatus.BAD_REQUEST),
    RESTORE_INVALID_FILE("restore.invalid-file", HttpStatus.BAD_REQUEST),
    RESTORE_CHANGELOG_MISMATCH("restore.changelog-mismatch", HttpStatus.CONFLICT),

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
    TRANSITION_EXPLANATIONS_UNKNOWN_FINDING(
            "transition.explanations.unknown-finding", HttpStatus.UNPROCESSABLE_CONTENT),
    TRANSITION_BLOCKED_BY_FINDINGS("transition.blocked-by-findings", HttpStatus.UNPROCESSABLE_CONTENT),
    EXPLANATION_EMPTY("explanation.empty", HttpStatus.UNPROCESSABLE_CONTENT),
    EXPLANATION_TOO_LONG("explanation.too-long", HttpStatus.UNPROCESSABLE_CONTENT),
    REQUEST_BODY_MISSING("request.body.missing", HttpStatus.BAD_REQUEST, "report-file"),
    REQUEST_BODY_UNREADABLE("request.body.unreadable", HttpStatus.BAD_REQUEST),
    REQUEST_MALFORMED_JSON("request.malformed-json", HttpStatus.BAD_REQUEST),
    REQUEST_TOO_LARGE("request.too-large", HttpStatus.CONTENT_TOO_LARGE),
    REPORT_EXISTS("report.exists", HttpStatus.CONFLICT),
    REPORT_FROZEN("report.frozen", HttpStatus.CONFLICT, "pending-signoff"),
    REPORT_REVISION_STALE("report.revision.stale", HttpStatus.CONFLICT),
    COMPILED_NARRATIVE_INVALID("compiled.narrative.invalid", HttpStatus.UNPROCESSABLE_CONTENT),
    COMPILED_PUBLISH_BLOCKED("compiled.publish.blocked", HttpStatus.UNPROCESSABLE_CONTENT),
    COMPILED_REASON_REQUIRED("compiled.reason.required", HttpStatus.BAD_REQUEST),
    COMPILED_SCOPE_INVALID("compiled.scope.invalid", HttpStatus.BAD_REQUEST),
    REPORT_REVISION_NOT_FOUND("report.revision.not-found", HttpStatus.NOT_FOUND),
    REPORT_PATCH_INVALID("report.patch.invalid", HttpStatus.UNPROCESSABLE_CONTENT),
    REPORT_PATCH_NOT_OBJECT("report.patch.not-object", HttpStatus.BAD_REQUEST),
    IMPORT_UNREADABLE("import.unreadable", HttpStatus.UNPROCESSABLE_CONTENT, "damaged"),
    IMPORT_FORMAT_MISMATCH("import.format-mismatch", HttpStatus.UNPROCESSABLE_CONTENT),
    ATTACHMENT_FILE_REQUIRED("attachment.file.required", HttpStatus.BAD_REQUEST),
    ATTACHMENT_EMPTY("attachment.empty", HttpStatus.BAD_REQUEST),
    ATTACHMENT_TOO_LARGE("attachment.too-large", HttpStatus.CONTENT_TOO_LARGE),
    ATTACHMENT_TYPE_NOT_ALLOWED("attachment.type-not-allowed", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    ATTACHMENT_NOT_FOUND("attachment.not-found", HttpStatus.NOT_FOUND),
    SUBMISSIONS_STATUS_UNKNOWN("submissions.status.unknown", HttpStatus.BAD_REQUEST),
    ONBOARDING_FILE_REQUIRED("onboarding.file.required", HttpStatus.BAD_REQUEST),
    ONBOARDING_MAPPING_INVALID("onboarding.mapping.invalid", HttpStatus.BAD_REQUEST),
    ONBOARDING_ZIP_INVALID("onboarding.zip.invalid", HttpStatus.UNPROCESSABLE_CONTENT, "damaged", "unreadable"),
    ONBOARDING_ZIP_TOO_MANY_ENTRIES("onboarding.zip.too-many-entries", HttpStatus.CONTENT_TOO_LARGE),
    ONBOARDING_ZIP_TOO_LARGE("onboarding.zip.too-large", HttpStatus.CONTENT_TOO_LARGE),
    COMMENT_NOT_FOUND("comment.not-found", HttpStatus.NOT_FOUND),
    COMMENT_ANCHOR_REQUIRED("comment.anchor.required", HttpStatus.BAD_REQUEST),
    COMMENT_ANCHOR_UNKNOWN("comment.anchor.unknown", HttpStatus.UNPROCESSABLE_CONTENT),
    COMMENT_BODY_REQUIRED("comment.body.required", HttpStatus.BAD_REQUEST),
    COMMENT_BODY_TOO_LONG("comment.body.too-long", HttpStatus.UNPROCESSABLE_CONTENT),

    // Publishing.
    DEAD_EVENT_NOT_FOUND("dead-event.not-found", HttpStatus.NOT_FOUND),
    REMINDER_SCHEDULE_INVALID("reminder.schedule.invalid", HttpStatus.BAD_REQUEST),
    REMINDER_TARGET_REQUIRED("reminder.target.required", HttpStatus.BAD_REQUEST),
    REMINDER_NOT_OWED("reminder.not-owed", HttpStatus.CONFLICT),
    YEAR_REQUIRED("year.required", HttpStatus.BAD_REQUEST),
    YEAR_INVALID("year.invalid", HttpStatus.BAD_REQUEST),
    JURISDICTION_AMBIGUOUS("jurisdiction.ambiguous", HttpStatus.BAD_REQUEST),
    SCORECARD_BASE_INVALID("scorecard.base.invalid", HttpStatus.BAD_REQUEST),
    SCORECARD_LINE_INVALID("scorecard.line.invalid", HttpStatus.BAD_REQUEST),
    SCORECARD_DEDUCTIONS_REQUIRED("scorecard.deductions.required", HttpStatus.BAD_REQUEST),
    SCORECARD_ITEM_UNKNOWN("scorecard.item.unknown", HttpStatus.BAD_REQUEST, "named"),
    SCORECARD_ITEM_DUPLICATE("scorecard.item.duplicate", HttpStatus.BAD_REQUEST),
    SCORECARD_POINTS_INVALID("scorecard.points.invalid", HttpStatus.BAD_REQUEST),
    WEBSITE_URL_INVALID("website-url.invalid", HttpStatus.BAD_REQUEST),
    REPORT_NOT_PUBLISHED("report.not-published", HttpStatus.NOT_FOUND, "website-url"),
    RATE_LIMIT_EXCEEDED("rate-limit.exceeded", HttpStatus.TOO_MANY_REQUESTS),
    COMPARE_TOO_MANY("compare.too-many", HttpStatus.BAD_REQUEST),
    COMPARE_YEAR_INVALID("compare.year.invalid", HttpStatus.BAD_REQUEST),
    COMPARE_CELL_UNKNOWN("compare.cell.unknown", HttpStatus.BAD_REQUEST),
    COMPARE_CELLS_MISSING("compare.cells.missing", HttpStatus.BAD_REQUEST),
    // The published documents' own HTTP server (its answers to what is not a document request).
    DOCUMENT_NOT_FOUND("document.not-found", HttpStatus.NOT_FOUND),
    DOCUMENT_READ_ONLY("method.not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    REQUEST_UNREADABLE("request.unreadable", HttpStatus.BAD_REQUEST);

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
