package dev.gongkai.publishing.compiled;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.error.ApiException;
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

/**
 * Sums the current published revisions of a jurisdiction's agencies for a year into the draft of the government's
 * own report. A cell is summed only where every included agency has a number (a blank is not a zero, so one blank
 * leaves the sum blank); the fee is summed as a decimal; years of the 2019 format are summed in its own keys, and a
 * report in the other format is listed as missing rather than forced into the year's layout. The year before,
 * summed the same way over the same agencies (only when every one of them published then), is the cross-year
 * context of the check.
 */
public class CompiledReports {

    public enum Scope {
        OWN("own", "本级"), CITY("city", "全市汇总（附件）");

        final String code;
        final String labelZh;

        Scope(String code, String labelZh) {
            this.code = code;
            this.labelZh = labelZh;
        }

        static Scope of(String code) {
            for (Scope scope : values()) {
                if (scope.code.equals(code)) {
                    return scope;
                }
            }
            throw ApiException.badRequest("compiled.scope.invalid",
                    "请明确汇总范围：scope=own（本级）或 scope=city（全市汇总，作为附件）",
                    "State the scope explicitly: scope=own (the government's own report) or scope=city "
                            + "(city-wide sum, as an appendix)").atField("scope");
        }
    }

    private final OfficeScope scope;
    private final ReportStates states;
    private final PublishedRevisions revisions;

    CompiledReports(OfficeScope scope, ReportStates states, PublishedRevisions revisions) {
        this.scope = scope;
        this.states = states;
        this.revisions = revisions;
    }

    CompiledReport compile(Jurisdiction jurisdiction, int year, Scope which) {
        Sum sum = sum(jurisdiction, year, which, null);
        // Cross-year rules compare like with like: last year's sum of the same agencies, only if all of them published.
        java.util.Set<String> same = sum.included.stream().map(CompiledReport.Included::agency)
                .collect(java.util.stream.Collectors.toSet());
        Sum before = sum(jurisdiction, year - 1, which, same);
        Optional<AnnualReport> previous = sum.included.isEmpty() || before.included.size() != same.size()
                ? Optional.empty() : Optional.of(before.report);
        List<CompiledReport.FindingView> findings = ReportChecker.check(sum.report, new CheckContext(previous, true))
                .stream().map(f -> new CompiledReport.FindingView(f.rule(), f.severity().code(), f.cells(),
                        f.messageZh(), f.messageEn())).toList();
        return new CompiledReport(year, jurisdiction.slug().value(), which.code, which.labelZh, which == Scope.CITY,
                sum.report.format().code(), sum.included, sum.missing, sum.incomplete, findings, sum.report);
    }

    private record Sum(AnnualReport report, List<CompiledReport.Included> included,
                       List<CompiledReport.Missing> missing, Map<String, List<String>> incomplete) {
    }

    private Sum sum(Jurisdiction jurisdiction, int year, Scope which, java.util.Set<String> only) {
        ReportFormat format = ReportFormat.forYear(year);
        List<Agency> agencies = scope.reportingAgencies(jurisdiction).stream()
                .filter(a -> which == Scope.CITY || a.kind() == AgencyKind.DISCLOSURE_OFFICE)
                .filter(a -> only == null || only.contains(a.slug().value())).toList();
        List<CompiledReport.Included> included = new ArrayList<>();
        List<CompiledReport.Missing> missing = new ArrayList<>();
        List<AnnualReport> reports = new ArrayList<>();
        for (Agency agency : agencies) {
            Optional<ReportState> state = states.find(agency.slug(), year);
            Optional<PublishedRevision> current = state.filter(ReportState::published)
                    .flatMap(s -> revisions.find(agency.slug(), year, s.publishedRevision()));
            String status = state.map(s -> s.status().name()).orElse("NONE");
            if (current.isEmpty()) {
                missing.add(new CompiledReport.Missing(agency.slug().value(), agency.nameZh(), "not-published", status));
            } else if (current.get().report().format() != format) {
                missing.add(new CompiledReport.Missing(agency.slug().value(), agency.nameZh(), "format", status));
            } else {
                included.add(new CompiledReport.Included(agency.slug().value(), agency.nameZh(),
                        current.get().number(), current.get().publishedAt()));
                reports.add(current.get().report());
            }
        }
        String name = which == Scope.OWN
                ? agencies.stream().map(Agency::nameZh).findFirst().orElse(jurisdiction.nameZh())
                : jurisdiction.nameZh() + "（全市汇总）";
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
                        lacking.add(included.get(i).agency());
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
        return new Sum(builder.build(), included, missing, incomplete);
    }
}
