package dev.gongkai.reports.drafting;

import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportSource;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.ReportSummary;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.FieldProblem;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.CarriedFromLastYear;
import dev.gongkai.report.rules.RuleId;
import dev.gongkai.reports.audit.AuditTrail;
import dev.gongkai.reports.report.CheckedReport;
import dev.gongkai.reports.report.ReportEvents;
import dev.gongkai.reports.report.ReportFindings;
import dev.gongkai.reports.report.ReportJson;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import dev.gongkai.reports.report.Years;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading and editing an agency's report; every write is one transaction with its audit entry. */
@Service
class Drafting {

    private final AgencyDsl agencyDsl;
    private final ReportStore reports;
    private final ReportFindings findings;
    private final AuditTrail audit;
    private final ReportEvents events;
    private final ReportJson json;
    private final Actors actors;

    Drafting(
            AgencyDsl agencyDsl,
            ReportStore reports,
            ReportFindings findings,
            AuditTrail audit,
            ReportEvents events,
            ReportJson json,
            Actors actors) {
        this.actors = actors;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.findings = findings;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    record Saved(StoredReport report, CheckedReport checked) {}

    @Transactional
    public Saved create(ActingAgency acting, int year) {
        DSLContext dsl = agencyDsl.of(acting);
        if (reports.exists(dsl, year)) {
            throw new ApiException(ProblemCode.REPORT_EXISTS, year)
                    .atField("year")
                    .with("location", "/api/reports/" + year);
        }
        AnnualReport draft = newDraft(acting.agency().nameZh(), year, reports.previousYear(dsl, year));
        Actor actor = actors.of(acting);
        reports.insert(dsl, year, draft, ReportStatus.DRAFT, ReportSource.DRAFTED, null, null, null, actor);
        audit.append(
                dsl,
                acting.slug(),
                actor,
                "report.create",
                target(year),
                null,
                Map.of("year", year, "format", draft.format().code(), "cells", prefilled(draft)));
        StoredReport stored = reports.find(dsl, year).orElseThrow();
        CheckedReport checked = findings.check(dsl, year, draft);
        events.statusChanged(
                acting.agency(), year, ReportChange.CREATE, ReportStatus.DRAFT, 1, actor.username(), checked, null);
        return new Saved(stored, checked);
    }

    /**
     * Every cell blank (not zero) except what last year's report already tells: this year's {@code carriedOver} is
     * last year's {@code carriedForward}, and the in-force counts start from last year's so the chain rule holds
     * once issued and repealed are filled in.
     */
    static AnnualReport newDraft(String agencyName, int year, Optional<AnnualReport> previous) {
        ReportFormat format = ReportFormat.forYear(year);
        ReportLayout layout = format.layout();
        AnnualReport.Builder draft = AnnualReport.builder(format).year(year).agency(agencyName);
        for (CellDefinition cell : layout.cells()) {
            draft.blank(cell.key());
        }
        previous.ifPresent(last -> CarriedFromLastYear.cells(format, last.format())
                .forEach((cell, lastYears) -> last.cell(lastYears).ifPresent(value -> draft.cell(cell, value))));
        return draft.build();
    }

    @Transactional(readOnly = true)
    public List<ReportSummary> list(ActingAgency acting) {
        return reports.summaries(agencyDsl.of(acting));
    }

    @Transactional(readOnly = true)
    public Saved get(ActingAgency acting, int year) {
        DSLContext dsl = agencyDsl.of(acting);
        StoredReport report = reports.find(dsl, year).orElseThrow(() -> Years.reportNotFound(year));
        return new Saved(report, findings.check(dsl, year, report.document()));
    }

    /** The findings an imported report would have as this agency's report on {@code year}. */
    @Transactional(readOnly = true)
    public CheckedReport checkImported(ActingAgency acting, int year, AnnualReport imported) {
        DSLContext dsl = agencyDsl.of(acting);
        return ReportFindings.check(imported, reports.previousYear(dsl, year).orElse(null), Map.of());
    }

    @Transactional
    public Saved patch(ActingAgency acting, int year, int expectedRevision, byte[] body) {
        DSLContext dsl = agencyDsl.of(acting);
        ReportStore.Editing editing = reports.lockForEdit(dsl, year).orElseThrow(() -> Years.reportNotFound(year));
        StoredReport current = editing.report();
        ReportPatch patch = ReportPatch.read(body, current.document().layout());
        current.requireEditable();
        if (current.revision() != expectedRevision) {
            throw stale(dsl, current, expectedRevision, patch.cells().keySet());
        }
        if (patch.isEmpty()) {
            return new Saved(
                    current, ReportFindings.check(current.document(), editing.previous(), editing.explanations()));
        }
        AnnualReport.Builder next = current.document().toBuilder();
        patch.cells().forEach((key, value) -> next.cell(key, value.orElse(null)));
        patch.narrative().forEach(next::narrative);
        AnnualReport document = next.build();
        return save(
                acting,
                dsl,
                current,
                document,
                ReportFindings.check(document, editing.previous(), editing.explanations()),
                patch.cells().keySet(),
                "report.edit");
    }

    /** Applies an imported report to the draft: every cell and section the import found replaces the draft's. */
    @Transactional
    public Saved applyImport(ActingAgency acting, int year, Integer expectedRevision, ImportResult imported) {
        DSLContext dsl = agencyDsl.of(acting);
        ReportFormat format = ReportFormat.forYear(year);
        if (imported.report().format() != format) {
            throw new ApiException(
                            ProblemCode.IMPORT_FORMAT_MISMATCH,
                            imported.report().format().code(),
                            year,
                            format.code())
                    .atField("body");
        }
        Optional<StoredReport> existing = reports.lock(dsl, year);
        if (existing.isEmpty()) {
            create(acting, year);
            existing = reports.lock(dsl, year);
        }
        StoredReport current = existing.orElseThrow();
        current.requireEditable();
        if (expectedRevision != null && current.revision() != expectedRevision) {
            throw stale(
                    dsl, current, expectedRevision, imported.report().cells().keySet());
        }
        AnnualReport.Builder next = current.document().toBuilder();
        AnnualReport source = imported.report();
        for (CellDefinition cell : current.document().layout().cells()) {
            if (source.cells().containsKey(cell.key())) {
                next.cell(cell.key(), source.cells().get(cell.key()));
            } else if (source.blank().contains(cell.key())) {
                next.blank(cell.key());
            }
        }
        source.narrative().forEach(next::narrative);
        AnnualReport document = next.build();
        return save(acting, dsl, current, document, findings.check(dsl, year, document), List.of(), "report.import");
    }

    private Saved save(
            ActingAgency acting,
            DSLContext dsl,
            StoredReport current,
            AnnualReport next,
            CheckedReport checked,
            java.util.Collection<String> patchedCells,
            String action) {
        int year = current.year();
        refuseOutOfRange(checked, patchedCells);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        // A patch can only change the cells it names; an import may change any.
        changes(current.document(), next, patchedCells.isEmpty() ? null : patchedCells, before, after);
        if (after.isEmpty()) {
            return new Saved(current, checked);
        }
        Actor actor = actors.of(acting);
        int revision = current.revision() + 1;
        // A returned report becomes a draft again with its first edit.
        ReportStatus status = ReportStatus.DRAFT;
        reports.saveDocument(dsl, year, revision, next, status, actor);
        audit.append(dsl, acting.slug(), actor, action, target(year), before, after);
        // Every stored change is announced, not only a change of status: the office's counts follow the report.
        events.statusChanged(
                acting.agency(), year, ReportChange.EDIT, status, revision, actor.username(), checked, null);
        StoredReport saved = new StoredReport(
                year,
                status,
                revision,
                next,
                current.source(),
                current.sourceChecksum(),
                current.correctionPending(),
                current.correctionReason(),
                current.returnReason(),
                current.createdAt(),
                java.time.OffsetDateTime.now(),
                current.submittedAt(),
                current.publishedAt());
        return new Saved(saved, checked);
    }

    /** A count must be a whole number ≥ 0 (rule CELL_RANGE): a patch that breaks it is refused, not stored. */
    private static void refuseOutOfRange(CheckedReport checked, java.util.Collection<String> patchedCells) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FindingView finding : checked.findings()) {
            if (finding.rule().equals(RuleId.CELL_RANGE.name())
                    && finding.cells().stream().anyMatch(patchedCells::contains)) {
                errors.add(new FieldProblem(
                        "cells." + finding.cells().getFirst(),
                        "patch.cell.out-of-range",
                        finding.messageZh(),
                        finding.messageEn()));
            }
        }
        if (!errors.isEmpty()) {
            throw ReportPatch.invalid(errors);
        }
    }

    /** Before and after of every cell and section that differs, for the audit trail. */
    static void changes(
            AnnualReport from,
            AnnualReport to,
            java.util.Collection<String> candidates,
            Map<String, Object> before,
            Map<String, Object> after) {
        Map<String, Object> cellsBefore = new LinkedHashMap<>();
        Map<String, Object> cellsAfter = new LinkedHashMap<>();
        Iterable<String> keys = candidates != null
                ? new java.util.TreeSet<>(candidates)
                : from.layout().cells().stream().map(CellDefinition::key).toList();
        for (String key : keys) {
            if (from.cellDiffers(to, key)) {
                cellsBefore.put(key, ReportJson.value(from, key));
                cellsAfter.put(key, ReportJson.value(to, key));
            }
        }
        Map<String, Object> textBefore = new LinkedHashMap<>();
        Map<String, Object> textAfter = new LinkedHashMap<>();
        for (Section section : Section.NARRATIVES) {
            String was = from.narrative(section);
            String now = to.narrative(section);
            if (!Objects.equals(was, now)) {
                textBefore.put(section.key(), was);
                textAfter.put(section.key(), now);
            }
        }
        if (!cellsAfter.isEmpty()) {
            before.put("cells", cellsBefore);
            after.put("cells", cellsAfter);
        }
        if (!textAfter.isEmpty()) {
            before.put("narrative", textBefore);
            after.put("narrative", textAfter);
        }
    }

    /** 409 with what is stored now, so the client can merge instead of overwriting someone's work. */
    private ApiException stale(DSLContext dsl, StoredReport current, int expected, java.util.Collection<String> keys) {
        Map<String, Object> props = new HashMap<>();
        props.put("current_revision", current.revision());
        props.put("current_etag", current.etag());
        props.put("current", json.view(current));
        Optional<AnnualReport> base = reports.revision(dsl, current.year(), expected);
        if (base.isPresent()) {
            List<String> changedSince = keys.stream()
                    .filter(key -> base.get().cellDiffers(current.document(), key))
                    .toList();
            props.put("conflicting_cells", changedSince);
        }
        ApiException stale = new ApiException(ProblemCode.REPORT_REVISION_STALE, current.revision(), expected);
        for (Map.Entry<String, Object> property : props.entrySet()) {
            stale = stale.with(property.getKey(), property.getValue());
        }
        return stale;
    }

    static Map<String, Object> prefilled(AnnualReport draft) {
        Map<String, Object> cells = new LinkedHashMap<>();
        draft.cells().keySet().forEach(key -> cells.put(key, ReportJson.value(draft, key)));
        return cells;
    }

    static String target(int year) {
        return "report/" + year;
    }
}
