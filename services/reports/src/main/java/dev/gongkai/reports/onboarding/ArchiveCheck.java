package dev.gongkai.reports.onboarding;

import dev.gongkai.report.batch.BatchCheck;
import dev.gongkai.report.batch.ReportLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The batch check of report-core ({@link BatchCheck}, the one {@code report-cli check} runs) over the files of an
 * onboarding zip, each line named by the file's name in the zip ({@code inner.zip!/x.txt} for a file inside an
 * archive inside it). BatchCheck reads paths, so the files are written under names of their position into a
 * temporary folder (no name from the zip ever becomes a path) and removed afterwards.
 */
final class ArchiveCheck {

    private static final String DIGITS = "%06d";

    private ArchiveCheck() {
    }

    /** One line per file, in the order of the files. */
    static List<ReportLine> check(List<ZipEntries.File> files) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("onboarding-");
            for (int i = 0; i < files.size(); i++) {
                Files.write(folder.resolve(DIGITS.formatted(i)), files.get(i).content());
            }
            String prefix = folder + java.io.File.separator;
            List<ReportLine> lines = new ArrayList<>();
            for (ReportLine line : BatchCheck.check(List.of(folder))) {
                lines.add(renamed(line, prefix, files));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static ReportLine renamed(ReportLine line, String prefix, List<ZipEntries.File> files) {
        return new ReportLine(name(line.file(), prefix, files), line.report(), line.findings(),
                line.unreadableCells(),
                line.previousFile() == null ? null : name(line.previousFile(), prefix, files),
                line.sameYearFiles().stream().map(file -> name(file, prefix, files)).toList(), line.notRead());
    }

    private static String name(String file, String prefix, List<ZipEntries.File> files) {
        String relative = file.startsWith(prefix) ? file.substring(prefix.length()) : file;
        int inner = relative.indexOf("!/");
        String position = inner < 0 ? relative : relative.substring(0, inner);
        try {
            return files.get(Integer.parseInt(position)).name() + (inner < 0 ? "" : relative.substring(inner));
        } catch (RuntimeException notOurs) {
            return relative;
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary folder left behind costs disk until the next clean-up, nothing else.
        }
    }
}
