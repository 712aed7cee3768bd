package dev.gongkai.publishing.compiled;

import dev.gongkai.report.model.AnnualReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The draft of the government's own report for a year: the sum of the published tables 二/三/四 of the agencies
 * in scope, checked by the same rules as any report.
 *
 * @param scope           {@code own} (本级: the disclosure office's own report only) or {@code city} (全市汇总: every
 *                        agency of the jurisdiction, published as an appendix)
 * @param incompleteCells cells left blank because an included agency has no number there, with those agencies
 * @param report          the summed report (narratives are the office's to write)
 */
public record CompiledReport(int year, String jurisdiction, String scope, String scopeZh, boolean appendix,
                             String format, List<Included> included, List<Missing> missing,
                             Map<String, List<String>> incompleteCells, List<FindingView> findings,
                             AnnualReport report) {

    public record Included(String agency, String nameZh, int revision, Instant publishedAt) {
    }

    /** @param reason {@code not-published}, or {@code format} when its report follows another national format */
    public record Missing(String agency, String nameZh, String reason, String status) {
    }

    public record FindingView(String rule, String severity, List<String> cells, String messageZh, String messageEn) {
    }
}
