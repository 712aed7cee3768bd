package dev.gongkai.report.imports;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.rules.Finding;
import java.util.List;

/** What an import produced: the canonical report (every cell it found) and the findings about the source. */
public record ImportResult(SourceType source, AnnualReport report, List<Finding> findings) {
    public ImportResult {
        findings = List.copyOf(findings);
    }
}
