package dev.gongkai.publishing.compiled;

import dev.gongkai.contract.CompiledView;
import dev.gongkai.report.labels.Labels;
import dev.gongkai.report.model.AnnualReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The draft of the government's own report for a year: the sum of the published tables 二/三/四 of the agencies
 * in scope, checked by the same rules as any report.
 *
 * @param scope           本级 (every agency registered in the office's jurisdiction) or 全市汇总 (those and every
 *                        agency of the jurisdictions below, published as an appendix); disclosure offices are not
 *                        summed (see {@link CompiledReports#scope})
 * @param jurisdictionsZh the jurisdictions summed, the office's own first
 * @param complete        every agency in scope included and every cell summed: only then is a sum the whole scope's
 * @param incompleteCells cells left blank because an included agency has no number there, with those agencies' names
 *                        (a blank is not a zero: such a sum would be silently smaller, so it is not given)
 * @param report          the summed report with the office's narrative draft (sections 一、五、六)
 * @param draftVersion    the version of that narrative draft (0: none saved yet), its ETag
 * @param publications    every published revision of this year and scope, oldest first
 */
public record CompiledReport(
        int year,
        String jurisdiction,
        CompiledView.Scope scope,
        String scopeZh,
        boolean appendix,
        String format,
        List<String> jurisdictionsZh,
        List<CompiledView.Included> included,
        List<CompiledView.Missing> missing,
        boolean complete,
        Map<String, List<String>> incompleteCells,
        List<CompiledView.Finding> findings,
        AnnualReport report,
        int draftVersion,
        List<CompiledView.Publication> publications) {

    /**
     * The errors that stop publication: every error but a cell summed blank, which the published report names as
     * incomplete (a blank left by an agency is not the office's to fill).
     */
    List<CompiledView.Finding> blocking() {
        return findings.stream()
                .filter(f -> "error".equals(f.severity()))
                .filter(f -> !("CELL_MISSING".equals(f.rule())
                        && incompleteCells.keySet().containsAll(f.cells())))
                .toList();
    }

    /** Why {@code missing} is missing, in the words people read ({@code compiled.missing.*} of the label bundle). */
    public static String reasonWords(CompiledView.Missing missing, Locale locale) {
        return Labels.word("compiled.missing." + missing.reason().code(), locale);
    }
}
