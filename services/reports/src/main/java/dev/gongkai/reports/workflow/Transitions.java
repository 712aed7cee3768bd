package dev.gongkai.reports.workflow;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.reports.audit.AuditTrail;
import dev.gongkai.reports.report.CheckedReport;
import dev.gongkai.reports.report.FindingView;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportEvents;
import dev.gongkai.reports.report.ReportFindings;
import dev.gongkai.reports.report.ReportStatus;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import dev.gongkai.reports.report.Years;
import dev.gongkai.report.render.CanonicalJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.gongkai.platform.jooq.agency_template.Tables.FINDING_EXPLANATION;
import static dev.gongkai.platform.jooq.agency_template.Tables.TRANSITION_REQUEST;

/**
 * Moves a report through its lifecycle. One transaction per request: the status change, its audit entry, its
 * outbox event and the answer kept for the {@code Idempotency-Key} commit together or not at all.
 */
@Service
public class Transitions {

    static final int MAX_REASON_CHARS = 10_000;
    static final int MAX_KEY_CHARS = 200;

    private final AgencyDsl agencyDsl;
    private final ReportStore reports;
    private final ReportFindings findings;
    private final AuditTrail audit;
    private final ReportEvents events;
    private final JsonMapper json;

    Transitions(AgencyDsl agencyDsl, ReportStore reports, ReportFindings findings, AuditTrail audit,
                ReportEvents events, JsonMapper json) {
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.findings = findings;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    /** What a transition answered: its body, and whether it is a replay of an earlier answer. */
    public record Outcome(JsonNode body, boolean replayed, ApiException refusal) {

        /** A refusal (decided after its explanations were committed) becomes its problem; a replay says so. */
        public org.springframework.http.ResponseEntity<JsonNode> toResponse() {
            if (refusal != null) {
                throw refusal;
            }
            return org.springframework.http.ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(replayed))
                    .body(body);
        }
    }

    /**
     * @param viaOfficeApi true when called through {@code /api/office/…}; each action belongs to one of the two APIs
     */
    @Transactional
    public Outcome apply(ActingAgency acting, int year, TransitionRequest request, String idempotencyKey,
                         boolean viaOfficeApi) {
        Action action = parse(request);
        if (action.office() != viaOfficeApi) {
            throw ApiException.forbidden("transition.not-allowed-here",
                    "“" + action.code() + "”" + (action.office() ? "由政务公开办执行" : "由报告单位执行"),
                    "\"" + action.code() + "\" is taken by " + (action.office() ? "the disclosure office" : "the agency"));
        }
        Permissions.requireRole(acting.caller(), action.roles());
        String reason = reason(action, request.reason());
        Map<String, String> explanations = explanations(request.explanations());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_CHARS)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "idempotency-key.invalid",
                    "Idempotency-Key 应为 1 至 200 个字符", "Idempotency-Key must be 1 to 200 characters",
                    Map.of("field", "Idempotency-Key"));
        }
        DSLContext dsl = agencyDsl.of(acting);
        StoredReport report = reports.lock(dsl, year).orElseThrow(() -> Years.reportNotFound(year));
        if (idempotencyKey != null) {
            Optional<Outcome> replay = replay(dsl, idempotencyKey, year, action);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        if (!action.from().contains(report.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "transition.wrong-status",
                    "报告当前状态为 " + report.status() + "，不能执行“" + action.code() + "”（须为 "
                            + names(action.from()) + "）",
                    "The report is " + report.status() + "; \"" + action.code() + "\" needs " + names(action.from()),
                    Map.of("status", report.status().name(), "allowed_from", names(action.from())));
        }
        String actor = acting.caller().username();
        CheckedReport checked = findings.check(dsl, year, report.document());
        if (!explanations.isEmpty()) {
            saveExplanations(acting, dsl, year, checked, explanations, actor);
            checked = findings.check(dsl, year, report.document());
        }
        ApiException refusal = refusal(action, checked);
        if (refusal != null) {
            // Commits the explanations just written; nothing else changed.
            return new Outcome(null, false, refusal);
        }

        ReportStatus to = action.to();
        int revision = report.revision();
        OffsetDateTime now = OffsetDateTime.now();
        boolean correction = report.correctionPending();
        String correctionReason = report.correctionReason();
        switch (action) {
            case PUBLISH -> {
                // Publishing stamps the date into the document itself, as a new revision.
                AnnualReport stamped = report.document().toBuilder().publishedOn(LocalDate.now(Years.CHINA)).build();
                revision = revision + 1;
                reports.saveDocument(dsl, year, revision, stamped, to, actor);
                reports.changeStatus(dsl, year, to, new ReportStore.StatusDetails(null, false, null, null, now));
                events.published(acting.agency(), year, revision, reports.nextPublication(dsl, year),
                        now.toInstant(), actor, correction, false,
                        correction ? correctionReason : null, CanonicalJson.write(stamped));
            }
            case CORRECT -> reports.changeStatus(dsl, year, to,
                    new ReportStore.StatusDetails(null, true, reason, null, null));
            case RETURN -> reports.changeStatus(dsl, year, to,
                    new ReportStore.StatusDetails(reason, correction, correctionReason, null, null));
            case SUBMIT -> reports.changeStatus(dsl, year, to,
                    new ReportStore.StatusDetails(null, correction, correctionReason, now, null));
            default -> reports.changeStatus(dsl, year, to,
                    new ReportStore.StatusDetails(report.returnReason(), correction, correctionReason, null, null));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.append(dsl, acting.slug(), actor, "report." + action.code(), "report/" + year,
                Map.of("status", report.status().name()), after);
        events.statusChanged(acting.agency(), year, action.code(), to, revision, actor, checked, reason);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("action", action.code());
        answer.put("status", to.name());
        answer.put("revision", revision);
        answer.put("errors", checked.errors().size());
        answer.put("warnings", checked.warnings().size());
        answer.put("unexplainedWarnings", checked.unexplainedWarnings().size());
        if (reason != null) {
            answer.put("reason", reason);
        }
        JsonNode body = json.valueToTree(answer);
        if (idempotencyKey != null) {
            dsl.insertInto(TRANSITION_REQUEST)
                    .set(TRANSITION_REQUEST.IDEMPOTENCY_KEY, idempotencyKey)
                    .set(TRANSITION_REQUEST.YEAR, year)
                    .set(TRANSITION_REQUEST.ACTION, action.code())
                    .set(TRANSITION_REQUEST.RESPONSE, JSONB.valueOf(json.writeValueAsString(body)))
                    .execute();
        }
        return new Outcome(body, false, null);
    }

    private Optional<Outcome> replay(DSLContext dsl, String key, int year, Action action) {
        var stored = dsl.selectFrom(TRANSITION_REQUEST).where(TRANSITION_REQUEST.IDEMPOTENCY_KEY.eq(key)).fetchOne();
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.getYear() != year || !stored.getAction().equals(action.code())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key.reused",
                    "该 Idempotency-Key 已用于另一个操作（" + stored.getYear() + " 年度 " + stored.getAction() + "）",
                    "This Idempotency-Key was already used for another request (" + stored.getYear() + " "
                            + stored.getAction() + ")", Map.of("field", "Idempotency-Key"));
        }
        return Optional.of(new Outcome(json.readTree(stored.getResponse().data()), true, null));
    }

    private static Action parse(TransitionRequest request) {
        if (request == null || request.action() == null || request.action().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "transition.action.required", "请指定操作（action）",
                    "The action is required", Map.of("field", "action"));
        }
        return Action.ofCode(request.action()).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                "transition.action.unknown", "未知操作“" + request.action() + "”",
                "Unknown action \"" + request.action() + "\"",
                Map.of("field", "action", "allowed", java.util.Arrays.stream(Action.values()).map(Action::code).toList())));
    }

    private static String reason(Action action, String reason) {
        String text = reason == null ? null : reason.strip();
        if (action.reasonRequired() && (text == null || text.isEmpty())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "transition.reason.required",
                    "“" + action.code() + "”须说明理由", "\"" + action.code() + "\" needs a reason",
                    Map.of("field", "reason"));
        }
        if (text != null && text.length() > MAX_REASON_CHARS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "transition.reason.too-long",
                    "理由超过 " + MAX_REASON_CHARS + " 个字符", "The reason is longer than " + MAX_REASON_CHARS + " characters",
                    Map.of("field", "reason"));
        }
        return text == null || text.isEmpty() ? null : text;
    }

    private static Map<String, String> explanations(Map<String, String> given) {
        if (given == null) {
            return Map.of();
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, String> result = new LinkedHashMap<>();
        given.forEach((id, text) -> {
            if (text == null || text.isBlank()) {
                errors.add(Map.of("field", "explanations." + id, "code", "explanation.empty",
                        "message_zh", "说明不能为空", "message_en", "An explanation must not be empty"));
            } else if (text.length() > MAX_REASON_CHARS) {
                errors.add(Map.of("field", "explanations." + id, "code", "explanation.too-long",
                        "message_zh", "说明超过 " + MAX_REASON_CHARS + " 个字符",
                        "message_en", "The explanation is longer than " + MAX_REASON_CHARS + " characters"));
            } else {
                result.put(id, text.strip());
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "transition.explanations.invalid",
                    "说明有 " + errors.size() + " 处错误", errors.size() + " explanation(s) are invalid",
                    Map.of("errors", errors));
        }
        return result;
    }

    private void saveExplanations(ActingAgency acting, DSLContext dsl, int year, CheckedReport checked,
                                  Map<String, String> explanations, String actor) {
        Set<String> warnings = checked.warnings().stream().map(FindingView::id).collect(Collectors.toSet());
        List<String> unknown = explanations.keySet().stream().filter(id -> !warnings.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "transition.explanations.unknown-finding",
                    "没有这些警告：" + String.join("、", unknown) + "（只有警告需要说明）",
                    "No such warnings: " + String.join(", ", unknown) + " (only warnings take explanations)",
                    Map.of("errors", unknown.stream().map(id -> Map.of("field", "explanations." + id)).toList()));
        }
        Map<String, String> before = findings.explanations(dsl, year);
        for (var entry : explanations.entrySet()) {
            dsl.insertInto(FINDING_EXPLANATION)
                    .set(FINDING_EXPLANATION.YEAR, year)
                    .set(FINDING_EXPLANATION.FINDING_ID, entry.getKey())
                    .set(FINDING_EXPLANATION.TEXT, entry.getValue())
                    .set(FINDING_EXPLANATION.AUTHOR, actor)
                    .onConflict(FINDING_EXPLANATION.YEAR, FINDING_EXPLANATION.FINDING_ID)
                    .doUpdate()
                    .set(FINDING_EXPLANATION.TEXT, entry.getValue())
                    .set(FINDING_EXPLANATION.AUTHOR, actor)
                    .set(FINDING_EXPLANATION.UPDATED_AT, DSL.currentOffsetDateTime())
                    .execute();
        }
        Map<String, Object> was = new LinkedHashMap<>();
        explanations.keySet().forEach(id -> was.put(id, before.get(id)));
        audit.append(dsl, acting.slug(), actor, "finding.explain", "report/" + year, was, explanations);
    }

    private static ApiException refusal(Action action, CheckedReport checked) {
        boolean checksErrors = action == Action.REQUEST_SIGNOFF || action == Action.SUBMIT;
        List<String> errors = checksErrors ? checked.errors().stream().map(FindingView::id).toList() : List.of();
        List<String> unexplained = action == Action.SUBMIT
                ? checked.unexplainedWarnings().stream().map(FindingView::id).toList() : List.of();
        if (errors.isEmpty() && unexplained.isEmpty()) {
            return null;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("errors", errors);
        props.put("unexplained_warnings", unexplained);
        props.put("findings", checked.findings().stream()
                .filter(f -> errors.contains(f.id()) || unexplained.contains(f.id())).toList());
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "transition.blocked-by-findings",
                "不能执行“" + action.code() + "”：还有 " + errors.size() + " 个错误、" + unexplained.size()
                        + " 个未说明的警告", "Cannot " + action.code() + ": " + errors.size() + " error(s) and "
                        + unexplained.size() + " unexplained warning(s) remain", props);
    }

    private static List<String> names(Set<ReportStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
