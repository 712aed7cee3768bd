package dev.gongkai.report.batch;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.render.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading one report from bytes, a file or a stream, the same way for the command line's single file and for a
 * batch: our own report CSV is recognised before the importers, and nothing larger than the importers accept is
 * ever read into memory.
 */
public final class ReportFiles {

    private ReportFiles() {}

    public static ImportResult read(byte[] content) throws UnreadableReportException {
        if (CsvReader.looksLikeCsv(content)) {
            return CsvReader.read(content);
        }
        return ReportReader.read(content);
    }

    /** The file's bytes; a missing or oversized file is an {@link UnreadableReportException} with its reason. */
    public static byte[] readFile(Path path) throws UnreadableReportException, IOException {
        try {
            if (Files.size(path) > ReportReader.MAX_BYTES) {
                throw tooLarge();
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableReportException("NO_SUCH_FILE", "文件不存在：" + path, "no such file: " + path);
        }
    }

    /** Reads at most one byte more than the importers accept, so an endless stream cannot exhaust memory. */
    public static byte[] readLimited(InputStream in) throws UnreadableReportException, IOException {
        byte[] content = in.readNBytes(ReportReader.MAX_BYTES + 1);
        if (content.length > ReportReader.MAX_BYTES) {
            throw tooLarge();
        }
        return content;
    }

    private static UnreadableReportException tooLarge() {
        return new UnreadableReportException(
                "TOO_LARGE", "文件过大（超过 64 MB），不是年度报告", "the file is larger than 64 MB; it is not an annual report");
    }
}
