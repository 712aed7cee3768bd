package dev.gongkai.publishing.compiled;

import dev.gongkai.contract.CompiledView;
import dev.gongkai.report.model.AnnualReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One publication of a jurisdiction's compiled report (本级 or 全市汇总) as the public saw it; never changed.
 *
 * @param number     1 for the first publication, one more per correction
 * @param report     the sums and the office's narrative
 * @param facts      what was summed, as the office saw it when publishing
 */
public record CompiledRevision(
        String jurisdiction,
        int year,
        String scope,
        int number,
        AnnualReport report,
        Facts facts,
        Instant publishedAt,
        String publishedBy,
        boolean correction,
        String reason) {

    /** 全市汇总 is published as the appendix of the government's own report. */
    public boolean appendix() {
        return CompiledView.Scope.CITY.code().equals(scope);
    }

    public record Facts(
            String scopeZh,
            List<String> jurisdictionsZh,
            List<CompiledView.Included> included,
            List<CompiledView.Missing> missing,
            boolean complete,
            Map<String, List<String>> incompleteCells) {}
}
