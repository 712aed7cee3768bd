package dev.gongkai.publishing.compiled;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.CompiledView;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.publishing.compliance.OfficeScope;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.publishing.revisions.ReportStates;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.rules.CheckContext;
import dev.gongkai.report.rules.ReportChecker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sums the current published revisions of a jurisdiction's agencies for a year into the draft of the government's
 * own report. A cell is summed only where every included agency has a number (a blank is not a zero, so one blank
 * leaves the sum blank); the fee is summed as a decimal; years of the 2019 format are summed in its own keys, and a
 * report in the other format is listed as missing rather than forced into the year's layout. The year before,
 * summed the same way over the same agencies (only when every one of them published then), is the cross-year
 * context of the check.
 */
public class CompiledReports {

    /**
     * 本级: every agency registered in the office's own jurisdiction. 全市: those and every agency of every
     * jurisdiction below it, at any depth. Disclosure offices are never summed: an office's own report is the one
     * being compiled (the city's here, a district's in a district), so adding it would count its agencies twice.
     * An agency belongs where it is registered, whatever its parent: a police 分局 registered in a district (parent
     * 市公安局) is summed in 全市 with that district, not in the city's 本级.
     *
     * <p>The scope a request names by its code ({@code own}, {@code city}); any other is refused on the field.
     */
    static CompiledView.Scope scope(String code) {
        return CompiledView.Scope.ofCode(code)
                .orElseThrow(() -> new ApiException(ProblemCode.COMPILED_SCOPE_INVALID).atField("scope"));
    }

    /** The scope as the draft's banner and the publication name it. */
    static String labelZh(CompiledView.Scope scope) {
        return switch (scope) {
            case OWN -> "本级";
            case CITY -> "全市汇总（附件）";
        };
    }

    private final OfficeScope scope;
    private final ReportStates states;
    private final PublishedRevisions revisions;
    private final CompiledDrafts drafts;
    private final CompiledRevisions published;
    private final TransactionTemplate transactions;

    CompiledReports(
            OfficeScope scope,
            ReportStates states,
            PublishedRevisions revisions,
            CompiledDrafts drafts,
            CompiledRevisions published,
            TransactionTemplate transactions) {
        this.scope = scope;
        this.states = states;
        this.revisions = revisions;
        this.drafts = drafts;
        this.published = published;
        this.transactions = transactions;
    }

    /** Saves the office's narrative if nobody saved since {@code expected}, and compiles again with it. */
    CompiledReport saveNarrative(
            Jurisdiction jurisdiction,
            int year,
            CompiledView.Scope which,
            Map<String, String> narrative,
            int expected,
            String by) {
        drafts.save(jurisdiction.slug(), year, which, narrative, expected, by);
        return compile(jurisdiction, year, which);
    }

    /**
     * Publishes the compiled report as it reads now (the sums of the current published revisions and the draft
     * narrative of version {@code expected}) as its next revision: the first publication, or a correction with its
     * reason. Refused while an error the office can fix remains.
     */
    CompiledRevision publish(
            Jurisdiction jurisdiction, int year, CompiledView.Scope which, int expected, String reason, String by) {
        return transactions.execute(status -> {
            CompiledDrafts.Draft draft = drafts.lock(jurisdiction.slug(), year, which);
            if (draft.version() != expected) {
                throw new ApiException(ProblemCode.REPORT_REVISION_STALE, draft.version(), expected)
                        .atField("If-Match");
            }
            CompiledReport compiled = compile(jurisdiction, year, which);
            if (!compiled.blocking().isEmpty()) {
                throw new ApiException(
                        ProblemCode.COMPILED_PUBLISH_BLOCKED,
                        compiled.blocking().size());
            }
            boolean correction = !compiled.publications().isEmpty();
            if (correction && (reason == null || reason.isBlank())) {
                throw new ApiException(ProblemCode.COMPILED_REASON_REQUIRED).atField("reason");
            }
            int number =
                    published.add(jurisdiction.slug(), year, which, compiled, by, correction ? reason.strip() : null);
            return published
                    .find(jurisdiction.slug(), year, which.code(), number)
                    .orElseThrow();
        });
    }

    CompiledReport compile(Jurisdiction jurisdiction, int year, CompiledView.Scope which) {
        CompiledDrafts.Draft draft = drafts.find(jurisdiction.slug(), year, which);
        Sum summed = sum(jurisdiction, year, which, null);
        AnnualReport.Builder withNarrative = summed.report.toBuilder();
        draft.narrative().forEach(withNarrative::narrative);
        Sum sum = new Sum(
                withNarrative.build(), summed.jurisdictions, summed.included, summed.missing, summed.incomplete);
        // Cross-year rules compare like with like: last year's sum of the same agencies, only if all of them published.
        java.util.Set<String> same =
                sum.included.stream().map(CompiledView.Included::agency).collect(java.util.stream.Collectors.toSet());
        Sum before = sum(jurisdiction, year - 1, which, same);
        Optional<AnnualReport> previous = sum.included.isEmpty() || before.included.size() != same.size()
                ? Optional.empty()
                : Optional.of(before.report);
        List<CompiledView.Finding> findings = ReportChecker.check(sum.report, new CheckContext(previous, true)).stream()
                .map(f -> new CompiledView.Finding(
                        f.rule(), f.severity().code(), f.cells(), f.messageZh(), f.messageEn()))
                .toList();
        return new CompiledReport(
                year,
                jurisdiction.slug().value(),
                which,
                labelZh(which),
                which == CompiledView.Scope.CITY,
                sum.report.format().code(),
                sum.jurisdictions,
                sum.included,
                sum.missing,
                sum.missing.isEmpty() && sum.incomplete.isEmpty(),
                sum.incomplete,
                findings,
                sum.report,
                draft.version(),
                published.history(jurisdiction.slug(), year, which.code()));
    }

    private record Sum(
            AnnualReport report,
            List<String> jurisdictions,
            List<CompiledView.Included> included,
            List<CompiledView.Missing> missing,
            Map<String, List<String>> incomplete) {}

    private Sum sum(Jurisdiction jurisdiction, int year, CompiledView.Scope which, java.util.Set<String> only) {
        ReportFormat format = ReportFormat.forYear(year);
        List<Jurisdiction> summed = new ArrayList<>(List.of(jurisdiction));
        if (which == CompiledView.Scope.CITY) {
            summed.addAll(scope.below(jurisdiction));
        }
        Map<String, String> jurisdictionNames = new LinkedHashMap<>();
        summed.forEach(j -> jurisdictionNames.put(j.slug().value(), j.nameZh()));
        List<Agency> agencies = summed.stream()
                .flatMap(j -> scope.reportingAgencies(j).stream())
                .filter(a -> a.kind() != AgencyKind.DISCLOSURE_OFFICE)
                .filter(a -> only == null || only.contains(a.slug().value()))
                .toList();
        List<CompiledView.Included> included = new ArrayList<>();
        List<CompiledView.Missing> missing = new ArrayList<>();
        List<AnnualReport> reports = new ArrayList<>();
        for (Agency agency : agencies) {
            Optional<ReportState> state = states.find(agency.slug(), year);
            Optional<PublishedRevision> current = state.filter(ReportState::published)
                    .flatMap(s -> revisions.find(agency.slug(), year, s.publishedRevision()));
            SubmissionRow.State status =
                    state.map(s -> SubmissionRow.State.of(s.status())).orElse(SubmissionRow.State.NOT_STARTED);
            String where = agency.jurisdiction().value();
            String whereZh = jurisdictionNames.get(where);
            if (current.isEmpty()) {
                missing.add(new CompiledView.Missing(
                        agency.slug().value(),
                        agency.nameZh(),
                        where,
                        whereZh,
                        CompiledView.Missing.Reason.NOT_PUBLISHED,
                        status));
            } else if (current.get().report().format() != format) {
                missing.add(new CompiledView.Missing(
                        agency.slug().value(),
                        agency.nameZh(),
                        where,
                        whereZh,
                        CompiledView.Missing.Reason.FORMAT,
                        status));
            } else {
                included.add(new CompiledView.Included(
                        agency.slug().value(),
                        agency.nameZh(),
                        where,
                        whereZh,
                        current.get().number(),
                        current.get().publishedAt()));
                reports.add(current.get().report());
            }
        }
        String name = jurisdiction.nameZh() + (which == CompiledView.Scope.OWN ? "（本级）" : "（全市汇总）");
        AnnualReport.Builder builder = AnnualReport.builder(format).year(year).agency(name);
        Map<String, List<String>> incomplete = new LinkedHashMap<>();
        if (!reports.isEmpty()) {
            for (CellDefinition cell : ReportLayout.of(format).cells()) {
                BigDecimal total = BigDecimal.ZERO;
                List<String> lacking = new ArrayList<>();
                for (int i = 0; i < reports.size(); i++) {
                    if (reports.get(i).cells().get(cell.key()) instanceof CellValue.Numeric(BigDecimal value)) {
                        total = total.add(value);
                    } else {
                        lacking.add(included.get(i).nameZh());
                    }
                }
                if (lacking.isEmpty()) {
                    builder.cell(cell.key(), total);
                } else {
                    builder.blank(cell.key());
                    incomplete.put(cell.key(), lacking);
                }
            }
        }
        return new Sum(builder.build(), List.copyOf(jurisdictionNames.values()), included, missing, incomplete);
    }
}
