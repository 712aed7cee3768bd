package dev.gongkai.reports.onboarding;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.report.batch.Archives;
import dev.gongkai.report.batch.Document;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipException;

/**
 * The files of an onboarding zip, read in memory by report-core's {@link Archives#unzip} within
 * {@link Archives.Limits#IN_MEMORY} (entries, bytes of one entry, bytes of all, counted as they are inflated), so a
 * zip bomb is refused with the limit it went past, and the whole zip is read before anything is stored, so a refused
 * zip leaves nothing behind. Nothing is written to disk: no name from the zip ever becomes a path.
 */
final class ZipEntries {

    static final Archives.Limits LIMITS = Archives.Limits.IN_MEMORY;

    private ZipEntries() {}

    static List<Document> read(InputStream in) {
        List<Document> files;
        try {
            files = Archives.unzip(in, LIMITS);
        } catch (Archives.TooLarge e) {
            throw (e.bound() == Archives.Bound.ENTRIES
                            ? new ApiException(ProblemCode.ONBOARDING_ZIP_TOO_MANY_ENTRIES, LIMITS.entries())
                            : new ApiException(
                                    ProblemCode.ONBOARDING_ZIP_TOO_LARGE,
                                    e.entry(),
                                    megabytes(LIMITS.entryBytes()),
                                    megabytes(LIMITS.totalBytes())))
                    .atField("file");
        } catch (ZipException e) {
            throw invalid(e.getMessage()).variant("damaged");
        } catch (IOException e) {
            throw invalid(e.getMessage()).variant("unreadable");
        }
        if (files.isEmpty()) {
            throw invalid();
        }
        return files;
    }

    private static String megabytes(long bytes) {
        return Long.toString(bytes / (1024 * 1024));
    }

    private static ApiException invalid(Object... arguments) {
        return new ApiException(ProblemCode.ONBOARDING_ZIP_INVALID, arguments).atField("file");
    }
}
