package dev.gongkai.report.imports;

/** Recognises the report in a source's lines. Work in progress: being written. */
final class ReportAssembler {
    private ReportAssembler() {
    }

    static ImportResult assemble(SourceDocument document) throws UnreadableReportException {
        throw new UnreadableReportException("NOT_A_REPORT", "不是政府信息公开工作年度报告", "not an annual report");
    }
}
