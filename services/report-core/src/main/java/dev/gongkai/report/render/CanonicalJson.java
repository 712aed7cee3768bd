package dev.gongkai.report.render;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.UnreadableReportException;

/** The canonical JSON of the spec. Work in progress: being written. */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static ImportResult read(byte[] content) throws UnreadableReportException {
        throw new UnreadableReportException("UNSUPPORTED", "暂不支持此类文件", "not supported yet");
    }
}
