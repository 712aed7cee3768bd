package dev.gongkai.report.imports;

/** Work in progress: being written. */
final class HtmlExtractor implements SourceExtractor {
    @Override
    public SourceDocument extract(byte[] content) throws UnreadableReportException {
        throw new UnreadableReportException("UNSUPPORTED", "暂不支持此类文件", "this source type is not supported yet");
    }
}
