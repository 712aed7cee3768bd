package dev.gongkai.reports.workflow;

import static dev.gongkai.platform.jooq.agency_template.Tables.FINDING_EXPLANATION;
import static dev.gongkai.platform.jooq.agency_template.Tables.TRANSITION_REQUEST;

import dev.gongkai.contract.Action;
import dev.gongkai.contract.China;
import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.Role;
import dev.gongkai.contract.TransitionRequest;
import dev.gongkai.contract.TransitionResult;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.FieldProblem;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.reports.audit.AuditTrail;
import dev.gongkai.reports.report.CheckedReport;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportEvents;
import dev.gongkai.reports.report.ReportFindings;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import dev.gongkai.reports.report.Years;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

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
    private final Actors actors;

    Transitions(
            AgencyDsl agencyDsl,
            ReportStore reports,
            ReportFindings findings,
            AuditTrail audit,
            ReportEvents events,
            JsonMapper json,
            Actors actors) {
        this.actors = actors;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.findings = findings;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    /** What a transition answered: its body, and whether it is a replay of an earlier answer. */
    public record Outcome(TransitionResult body, boolean replayed, ApiException refusal) {

        /** A refusal (decided after its explanations were committed) becomes its problem; a replay says so. */
        public org.springframework.http.ResponseEntity<TransitionResult> toResponse() {
            if (refusal != null) {
                throw refusal;
            }
            return org.springframework.http.ResponseEntity.ok()
                    .header("Idempotent-Replayed", String.valueOf(replayed))
                    .body(body);
        }
    }

    /**
     * @param viaOfficeApi true when called through {@code /api/office/…}; each action belongs to one of the two APIs
     */
    @Transactional
    public Outcome apply(
            ActingAgency acting, int year, TransitionRequest request, String idempotencyKey, boolean viaOfficeApi) {
        Action action = parse(request);
        if (action.office() != viaOfficeApi) {
            throw new ApiException(ProblemCode.TRANSITION_NOT_ALLOWED_HERE, action.code())
                    .variant(action.office() ? "office" : "agency");
        }
        Permissions.requireRole(
                acting.caller(),
                action.roles().stream().map(Role::code).sorted().toArray(String[]::new));
        String reason = reason(action, request.reason());
        Map<String, String> explanations = explanations(request.explanations());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_CHARS)) {
            throw new ApiException(ProblemCode.IDEMPOTENCY_KEY_INVALID).atField("Idempotency-Key");
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
            throw new ApiException(
                            ProblemCode.TRANSITION_WRONG_STATUS, report.status(), action.code(), names(action.from()))
                    .with("status", report.status().name())
                    .with("allowed_from", names(action.from()));
        }
        Actor actor = actors.of(acting);
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
                AnnualReport stamped = report.document().toBuilder()
                        .publishedOn(LocalDate.now(China.ZONE))
                        .build();
                revision = revision + 1;
                reports.saveDocument(dsl, year, revision, stamped, to, actor);
                reports.changeStatus(dsl, year, to, new ReportStore.StatusDetails(null, false, null, null, now));
                events.published(
                        acting.agency(),
                        year,
                        revision,
                        reports.nextPublication(dsl, year),
                        now.toInstant(),
                        actor.username(),
                        correction,
                        false,
                        correction ? correctionReason : null,
                        CanonicalJson.write(stamped));
            }
            case CORRECT ->
                reports.changeStatus(dsl, year, to, new ReportStore.StatusDetails(null, true, reason, null, null));
            case RETURN ->
                reports.changeStatus(
                        dsl, year, to, new ReportStore.StatusDetails(reason, correction, correctionReason, null, null));
            case SUBMIT ->
                reports.changeStatus(
                        dsl, year, to, new ReportStore.StatusDetails(null, correction, correctionReason, now, null));
            default ->
                reports.changeStatus(
                        dsl,
                        year,
                        to,
                        new ReportStore.StatusDetails(report.returnReason(), correction, correctionReason, null, null));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.append(
                dsl,
                acting.slug(),
                actor,
                "report." + action.code(),
                "report/" + year,
                Map.of("status", report.status().name()),
                after);
        events.statusChanged(
                acting.agency(), year, ReportChange.of(action), to, revision, actor.username(), checked, reason);

        TransitionResult body = new TransitionResult(
                year,
                action,
                to,
                revision,
                checked.errors().size(),
                checked.warnings().size(),
                checked.unexplainedWarnings().size(),
                reason);
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
        var stored = dsl.selectFrom(TRANSITION_REQUEST)
                .where(TRANSITION_REQUEST.IDEMPOTENCY_KEY.eq(key))
                .fetchOne();
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.getYear() != year || !stored.getAction().equals(action.code())) {
            throw new ApiException(ProblemCode.IDEMPOTENCY_KEY_REUSED, stored.getYear(), stored.getAction())
                    .atField("Idempotency-Key");
        }
        return Optional.of(
                new Outcome(json.readValue(stored.getResponse().data(), TransitionResult.class), true, null));
    }

    private static Action parse(TransitionRequest request) {
        if (request == null || request.action() == null || request.action().isBlank()) {
            throw new ApiException(ProblemCode.TRANSITION_ACTION_REQUIRED).atField("action");
        }
        return Action.ofCode(request.action())
                .orElseThrow(() -> new ApiException(ProblemCode.TRANSITION_ACTION_UNKNOWN, request.action())
                        .atField("action")
                        .with(
                                "allowed",
                                java.util.Arrays.stream(Action.values())
                                        .map(Action::code)
                                        .toList()));
    }

    private static String reason(Action action, String reason) {
        String text = reason == null ? null : reason.strip();
        if (action.reasonRequired() && (text == null || text.isEmpty())) {
            throw new ApiException(ProblemCode.TRANSITION_REASON_REQUIRED, action.code()).atField("reason");
        }
        if (text != null && text.length() > MAX_REASON_CHARS) {
            throw new ApiException(ProblemCode.TRANSITION_REASON_TOO_LONG, MAX_REASON_CHARS).atField("reason");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    private static Map<String, String> explanations(Map<String, String> given) {
        if (given == null) {
            return Map.of();
        }
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, String> result = new LinkedHashMap<>();
        given.forEach((id, text) -> {
            if (text == null || text.isBlank()) {
                errors.add(FieldProblem.of("explanations." + id, ProblemCode.EXPLANATION_EMPTY));
            } else if (text.length() > MAX_REASON_CHARS) {
                errors.add(FieldProblem.of("explanations." + id, ProblemCode.EXPLANATION_TOO_LONG, MAX_REASON_CHARS));
            } else {
                result.put(id, text.strip());
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemCode.TRANSITION_EXPLANATIONS_INVALID, errors.size()).with("errors", errors);
        }
        return result;
    }

    private void saveExplanations(
            ActingAgency acting,
            DSLContext dsl,
            int year,
            CheckedReport checked,
            Map<String, String> explanations,
            Actor actor) {
        Set<String> warnings = checked.warnings().stream().map(FindingView::id).collect(Collectors.toSet());
        List<String> unknown = explanations.keySet().stream()
                .filter(id -> !warnings.contains(id))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(ProblemCode.TRANSITION_EXPLANATIONS_UNKNOWN_FINDING, unknown)
                    .with(
                            "errors",
                            unknown.stream()
                                    .map(id -> Map.of("field", "explanations." + id))
                                    .toList());
        }
        Map<String, String> before = findings.explanations(dsl, year);
        // DO UPDATE takes the excluded row's values: Citus refuses any function there (a cast of a bind value too).
        OffsetDateTime now = OffsetDateTime.now();
        for (var entry : explanations.entrySet()) {
            dsl.insertInto(FINDING_EXPLANATION)
                    .set(FINDING_EXPLANATION.YEAR, year)
                    .set(FINDING_EXPLANATION.FINDING_ID, entry.getKey())
                    .set(FINDING_EXPLANATION.TEXT, entry.getValue())
                    .set(FINDING_EXPLANATION.AUTHOR, actor.username())
                    .set(FINDING_EXPLANATION.UPDATED_AT, now)
                    .onConflict(FINDING_EXPLANATION.YEAR, FINDING_EXPLANATION.FINDING_ID)
                    .doUpdate()
                    .set(FINDING_EXPLANATION.TEXT, DSL.excluded(FINDING_EXPLANATION.TEXT))
                    .set(FINDING_EXPLANATION.AUTHOR, DSL.excluded(FINDING_EXPLANATION.AUTHOR))
                    .set(FINDING_EXPLANATION.UPDATED_AT, DSL.excluded(FINDING_EXPLANATION.UPDATED_AT))
                    .execute();
        }
        Map<String, Object> was = new LinkedHashMap<>();
        explanations.keySet().forEach(id -> was.put(id, before.get(id)));
        audit.append(dsl, acting.slug(), actor, "finding.explain", "report/" + year, was, explanations);
    }

    private static ApiException refusal(Action action, CheckedReport checked) {
        boolean checksErrors = action == Action.REQUEST_SIGNOFF || action == Action.SUBMIT;
        List<String> errors =
                checksErrors ? checked.errors().stream().map(FindingView::id).toList() : List.of();
        List<String> unexplained = action == Action.SUBMIT
                ? checked.unexplainedWarnings().stream().map(FindingView::id).toList()
                : List.of();
        if (errors.isEmpty() && unexplained.isEmpty()) {
            return null;
        }
        return new ApiException(
                        ProblemCode.TRANSITION_BLOCKED_BY_FINDINGS, action.code(), errors.size(), unexplained.size())
                .with("errors", errors)
                .with("unexplained_warnings", unexplained)
                .with(
                        "findings",
                        checked.findings().stream()
                                .filter(f -> errors.contains(f.id()) || unexplained.contains(f.id()))
                                .toList());
    }

    private static List<String> names(Set<ReportStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
