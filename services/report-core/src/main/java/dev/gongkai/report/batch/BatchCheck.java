package dev.gongkai.report.batch;

import dev.gongkai.contract.BatchSummary;
import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.rules.CheckContext;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.ReportChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a city's archive at once: every file under the folders and in the zip archives given, one line each, with
 * the cross-year rules run between consecutive years of one agency without being told which file is which.
 *
 * <p>Reports are grouped by agency (its name normalised: width, spaces and punctuation ignored, a trailing
 * 人民政府 dropped so that 三明市人民政府 and 三明市 are one government) and year. A report's previous year is the
 * same agency's report on the year before; when that year is held by several files (a page and its text dump),
 * the one with the most cells read is used, and each of them names the others. A file that cannot be read never
 * stops the batch: it gets its line with the reason.
 */
public final class BatchCheck {

    private static final String GOVERNMENT = "人民政府";

    private BatchCheck() {}

    /** The totals of checked lines. */
    public static BatchSummary summary(List<ReportLine> lines) {
        int reports = 0;
        int withErrors = 0;
        int withWarnings = 0;
        long unreadable = 0;
        for (ReportLine line : lines) {
            if (!line.isReport()) {
                continue;
            }
            reports++;
            withErrors += line.errors() > 0 ? 1 : 0;
            withWarnings += line.warnings() > 0 ? 1 : 0;
            unreadable += line.unreadableCells();
        }
        return new BatchSummary(lines.size(), reports, lines.size() - reports, withErrors, withWarnings, unreadable);
    }

    /** A folder or a zip archive (not an Office document, which is a zip too): a batch rather than one report. */
    public static boolean holdsSeveral(Path path) {
        return Files.isDirectory(path) || Sources.isArchive(path);
    }

    /** Checks on as many threads as there are processors. */
    public static List<ReportLine> check(List<Path> inputs) {
        return check(inputs, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The files under the paths given, each line named by the file's path ({@code archive.zip!/inner/path} inside an
     * archive); the lines in the order of the inputs, each folder's and archive's files sorted by path. Files are
     * loaded as they are read (an archive on disk is opened, not loaded whole), and a file that cannot be loaded is
     * a line with the reason: otherwise exactly {@link #checkDocuments} over the files' contents.
     */
    public static List<ReportLine> check(List<Path> inputs, int threads) {
        try (Sources sources = new Sources()) {
            return check(sources, sources.expand(inputs), threads);
        }
    }

    /** Checks on as many threads as there are processors. */
    public static List<ReportLine> checkDocuments(List<Document> documents) {
        return checkDocuments(documents, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Documents held in memory (an uploaded archive's files, say), one line each in their order, named by the
     * document's name; a document that is an archive gives a line per file inside it ({@code name!/inner/path}),
     * within the batch's budget for archives read in memory ({@link Archives.Limits#IN_MEMORY}). Nothing is written
     * to disk.
     */
    public static List<ReportLine> checkDocuments(List<Document> documents, int threads) {
        try (Sources sources = new Sources()) {
            return check(
                    sources,
                    documents.stream()
                            .map(d -> Sources.of(d.name(), d.content()))
                            .toList(),
                    threads);
        }
    }

    /**
     * The one check behind both entries: read every file (on several threads), then the lines. Files are loaded and
     * parsed in parallel, but archives inside archives are opened in the files' order (each file waits for its
     * {@link Turns turn} before it opens one), because they share one budget: which of them meets its end must not
     * depend on which thread got there first.
     */
    static List<ReportLine> check(Sources sources, List<Sources.Source> files, int threads) {
        Turns turns = new Turns(files.size());
        List<Read> reads = new ArrayList<>();
        if (threads <= 1 || files.size() <= 1) {
            for (int i = 0; i < files.size(); i++) {
                reads.addAll(read(sources, files.get(i), turns, i));
            }
        } else {
            // Tasks start in submission order, so a file that waits for its turn only waits for files already started.
            try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()))) {
                List<Future<List<Read>>> pending = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    Sources.Source file = files.get(i);
                    int turn = i;
                    pending.add(pool.submit(() -> read(sources, file, turns, turn)));
                }
                for (Future<List<Read>> future : pending) {
                    reads.addAll(future.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("batch check interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("batch check failed", e.getCause());
            }
        }
        return lines(reads);
    }

    /**
     * The order in which the files of a batch may take from the budget for archives read in memory: file {@code n}
     * opens an archive inside an archive only once every file before it has opened all of its own.
     */
    private static final class Turns {

        private final boolean[] done;
        private int next;

        Turns(int files) {
            done = new boolean[files];
        }

        synchronized void await(int turn) {
            boolean interrupted = false;
            while (next < turn) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void done(int turn) {
            done[turn] = true;
            while (next < done.length && done[next]) {
                next++;
            }
            notifyAll();
        }
    }

    /** One file's import, or why it is not a report; an archive inside an archive gives one per file. */
    private record Read(String file, ImportResult result, ReportLine.NotRead notRead) {}

    /** A file's content, or why it has none. */
    private record Opened(Sources.Source source, byte[] content, Read notRead) {}

    /** One file of the batch: opened (in its turn, where it holds archives), then each of its files parsed. */
    private static List<Read> read(Sources sources, Sources.Source file, Turns turns, int turn) {
        List<Opened> opened;
        try {
            opened = open(sources, file, 0, turns, turn);
        } finally {
            turns.done(turn);
        }
        List<Read> reads = new ArrayList<>(opened.size());
        for (Opened one : opened) {
            reads.add(one.notRead() != null ? one.notRead() : parse(one.source(), one.content()));
        }
        return reads;
    }

    private static List<Opened> open(Sources sources, Sources.Source source, int depth, Turns turns, int turn) {
        try {
            byte[] content = source.loader().load();
            if (!Sources.isArchive(content)) {
                return List.of(new Opened(source, content, null));
            }
            turns.await(turn);
            List<Opened> opened = new ArrayList<>();
            for (Sources.Source inner : sources.entries(source.name(), content, depth + 1)) {
                opened.addAll(open(sources, inner, depth + 1, turns, turn));
            }
            return opened;
        } catch (IOException | UnreadableReportException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return List.of(new Opened(source, null, failed(source, e)));
        }
    }

    private static Read parse(Sources.Source source, byte[] content) {
        try {
            return new Read(source.name(), ReportFiles.read(content), null);
        } catch (UnreadableReportException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(source, e);
        }
    }

    /** Why a file is not read: what the importers say, or, for a bug in an importer, one line rather than the batch. */
    private static Read failed(Sources.Source source, Throwable failure) {
        return switch (failure) {
            case UnreadableReportException e -> notRead(source, e.code(), e.messageZh(), e.messageEn());
            case IOException e ->
                notRead(source, "IO_ERROR", "读取失败：" + e.getMessage(), "could not be read: " + e.getMessage());
            default ->
                notRead(
                        source,
                        "INTERNAL_ERROR",
                        "内部错误，请连同文件报告：" + failure,
                        "internal error, please report it with the file: " + failure);
        };
    }

    private static Read notRead(Sources.Source source, String code, String zh, String en) {
        return new Read(source.name(), null, new ReportLine.NotRead(code, zh, en));
    }

    private record Key(String agency, int year) {}

    private static List<ReportLine> lines(List<Read> reads) {
        Map<Key, List<Read>> byYear = new HashMap<>();
        for (Read read : reads) {
            key(read)
                    .ifPresent(key ->
                            byYear.computeIfAbsent(key, k -> new ArrayList<>()).add(read));
        }
        Map<Key, Read> chosen = new HashMap<>();
        byYear.forEach((key, same) -> chosen.put(
                key,
                same.stream()
                        .max(Comparator.comparingInt((Read read) ->
                                        read.result().report().cells().size())
                                .thenComparing(Read::file, Comparator.reverseOrder()))
                        .orElseThrow()));

        List<ReportLine> lines = new ArrayList<>(reads.size());
        for (Read read : reads) {
            if (read.notRead() != null) {
                lines.add(ReportLine.notRead(read.file(), read.notRead()));
                continue;
            }
            AnnualReport report = read.result().report();
            Optional<Key> key = key(read);
            Read previous =
                    key.map(k -> chosen.get(new Key(k.agency(), k.year() - 1))).orElse(null);
            List<String> sameYear = key.map(k -> byYear.get(k).stream()
                            .map(Read::file)
                            .filter(file -> !file.equals(read.file()))
                            .toList())
                    .orElse(List.of());
            List<Finding> findings = new ArrayList<>(read.result().findings());
            findings.addAll(ReportChecker.check(
                    report,
                    new CheckContext(
                            Optional.ofNullable(previous).map(p -> p.result().report()), false)));
            lines.add(new ReportLine(
                    read.file(),
                    report,
                    findings,
                    unreadableCells(report),
                    previous == null ? null : previous.file(),
                    sameYear,
                    null));
        }
        return lines;
    }

    private static Optional<Key> key(Read read) {
        if (read.result() == null) {
            return Optional.empty();
        }
        AnnualReport report = read.result().report();
        String agency = agencyKey(report.agency());
        return report.year() == null || agency.isEmpty()
                ? Optional.empty()
                : Optional.of(new Key(agency, report.year()));
    }

    /** The agency's name for grouping: NFKC, letters and digits only, without a trailing 人民政府. */
    static String agencyKey(String agency) {
        if (agency == null) {
            return "";
        }
        String normal = Normalizer.normalize(agency, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(normal.length());
        normal.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        String name = key.toString();
        return name.endsWith(GOVERNMENT) && name.length() > GOVERNMENT.length()
                ? name.substring(0, name.length() - GOVERNMENT.length())
                : name;
    }

    /** Cells of the format with neither a value nor a blank, and number cells holding text. */
    static int unreadableCells(AnnualReport report) {
        int unreadable = 0;
        for (CellDefinition cell : report.layout().cells()) {
            CellValue value = report.cells().get(cell.key());
            if (value == null
                    ? !report.blank().contains(cell.key())
                    : value instanceof CellValue.Text && cell.type() != CellType.TEXT) {
                unreadable++;
            }
        }
        return unreadable;
    }
}
