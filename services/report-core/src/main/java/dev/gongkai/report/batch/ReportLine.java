package dev.gongkai.report.batch;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What a batch check found in one file: the report's agency, year and format with every finding (the import's,
 * then the rules', cross-year ones included), or, for a file that is not a report, why not.
 *
 * @param file            the file as found: a path under the folder given, or {@code archive.zip!/inner/path}
 * @param report          the report as read (to show, or to save once the office has seen the table); null when
 *                        the file is not a report
 * @param findings        the import findings, then the rule findings (against the previous year when known)
 * @param unreadableCells cells of the format the file did not give (neither a value nor a blank), plus number cells
 *                        holding something that is not a number
 * @param previousFile    the file used as the same agency's report on the year before; null when there is none
 * @param sameYearFiles   other files holding the same agency's report on the same year (the same report saved
 *                        twice, or two versions): the office keeps one
 * @param notRead         why the file is not a report; null for a report
 */
public record ReportLine(
        String file,
        AnnualReport report,
        List<Finding> findings,
        int unreadableCells,
        String previousFile,
        List<String> sameYearFiles,
        NotRead notRead) {

    public ReportLine {
        if ((report == null) == (notRead == null)) {
            throw new IllegalArgumentException("a line holds either a report or why the file is not one");
        }
        findings = List.copyOf(findings);
        sameYearFiles = List.copyOf(sameYearFiles);
    }

    /** A file that could not be read as a report at all, with the importer's stable code and reason. */
    public record NotRead(String code, String messageZh, String messageEn) {}

    static ReportLine notRead(String file, NotRead reason) {
        return new ReportLine(file, null, List.of(), 0, null, List.of(), reason);
    }

    /** The agency as the report writes it; null when unknown or not a report. */
    public String agency() {
        return report == null ? null : report.agency();
    }

    /** The report year; null when unknown or not a report. */
    public Integer year() {
        return report == null ? null : report.year();
    }

    /** The national format read; null when not a report. */
    public ReportFormat format() {
        return report == null ? null : report.format();
    }

    public boolean isReport() {
        return notRead == null;
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    /** The first error finding: the one to fix first. */
    public Optional<Finding> firstError() {
        return findings.stream().filter(Finding::isError).findFirst();
    }

    private long count(Severity severity) {
        return findings.stream()
                .filter(finding -> finding.severity() == severity)
                .count();
    }
}
