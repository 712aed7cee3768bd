package dev.gongkai.report.cli;

import dev.gongkai.contract.BatchSummary;
import dev.gongkai.report.batch.BatchCheck;
import dev.gongkai.report.batch.ReportFiles;
import dev.gongkai.report.batch.ReportLine;
import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.Findings;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.TextRenderer;
import dev.gongkai.report.rules.CheckContext;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.ReportChecker;
import dev.gongkai.report.rules.RuleId;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: parse, check and render annual reports, list the rules.
 *
 * <p>Exit codes: 0 done (check: no error finding), 1 check found an error, 2 bad arguments or input that cannot be
 * read as a report (the reason on standard error, in Chinese and English).
 */
public final class ReportCli {

    public static final int OK = 0;
    public static final int ERRORS_FOUND = 1;
    public static final int UNREADABLE = 2;
    /** A bug in this program, not in the input. */
    public static final int INTERNAL_ERROR = 3;

    static final String USAGE = """
            usage: report-cli <command> [arguments]
              parse FILE                          print the report as canonical JSON
              check FILE [--previous FILE] [--compiled]
                                                  print import and rule findings, one JSON object per line;
                                                  exit 0: no error, 1: an error finding, 2: not readable as a report
              check PATH... [--format csv|jsonl]  check every file under folders and in zip archives: one line per
                                                  file (CSV by default), a summary on standard error, the
                                                  cross-year rules between consecutive years of one agency;
                                                  exit 0: no error, 1: a report with an error, 2: a file not a report
              render FILE --to html|csv|json|text print the report in another layout
              rules                               list the rule catalogue (id, severity), one JSON object per line
            FILE is a text, HTML, Word (.docx), PDF, canonical JSON or report CSV file, recognised by its content;
            - reads standard input.
            """;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final PrintStream stderr;

    public ReportCli(InputStream stdin, OutputStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = new ReportCli(System.in, new FileOutputStream(FileDescriptor.out), err).run(args);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError bug) {
            err.println("内部错误 / internal error: " + bug);
            bug.printStackTrace(err);
            code = INTERNAL_ERROR;
        }
        err.flush();
        // Not System.exit: since JDK 17 it starts the platform logging to log the exit (31 more classes outside the
        // AOT cache, java.logging among them, and a service lookup through the jar) in a run that otherwise loads
        // 3. Everything is written and flushed; there are no shutdown hooks to run.
        Runtime.getRuntime().halt(code);
    }

    /** Runs one command and returns its exit code; never exits the JVM. */
    public int run(String... args) {
        try {
            int code = dispatch(List.of(args));
            stdout.flush();
            return code;
        } catch (UsageException e) {
            stderr.println(e.getMessage());
            stderr.print(USAGE);
            return UNREADABLE;
        } catch (UnreadableReportException e) {
            stderr.println("无法读取为年度报告（" + e.code() + "）：" + e.messageZh());
            stderr.println("cannot read as an annual report (" + e.code() + "): " + e.messageEn());
            return UNREADABLE;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("读写失败：" + e.getMessage());
            stderr.println("input/output failed: " + e.getMessage());
            return UNREADABLE;
        }
    }

    private int dispatch(List<String> args) throws UsageException, UnreadableReportException, IOException {
        if (args.isEmpty()) {
            throw new UsageException("missing command");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "parse" -> parse(rest);
            case "check" -> check(rest);
            case "render" -> render(rest);
            case "rules" -> rules(rest);
            case "help", "--help", "-h" -> {
                stdout.write(USAGE.getBytes(StandardCharsets.UTF_8));
                yield OK;
            }
            default -> throw new UsageException("unknown command: " + args.getFirst());
        };
    }

    private int parse(List<String> args) throws UsageException, UnreadableReportException, IOException {
        Options options = Options.parse(args, List.of());
        ImportResult result = read(options.file());
        stdout.write(CanonicalJson.writeBytes(result.report()));
        return OK;
    }

    private int check(List<String> args) throws UsageException, UnreadableReportException, IOException {
        Options options = Options.parse(args, List.of("--previous", "--format"), "--compiled");
        if (options.files().size() > 1
                || options.value("--format") != null
                || (!options.files().getFirst().equals("-") && BatchCheck.holdsSeveral(Path.of(options.file())))) {
            return checkAll(options);
        }
        ImportResult result = read(options.file());
        Optional<AnnualReport> previous = Optional.empty();
        if (options.value("--previous") != null) {
            previous = Optional.of(read(options.value("--previous")).report());
        }
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.addAll(ReportChecker.check(result.report(), new CheckContext(previous, options.flag("--compiled"))));
        StringBuilder out = new StringBuilder();
        for (Finding finding : findings) {
            out.append(Findings.toJson(finding)).append('\n');
        }
        stdout.write(out.toString().getBytes(StandardCharsets.UTF_8));
        return findings.stream().anyMatch(Finding::isError) ? ERRORS_FOUND : OK;
    }

    /** The batch check: a table on standard output, the summary on standard error. */
    private int checkAll(Options options) throws UsageException, IOException {
        String format = options.value("--format") == null ? "csv" : options.value("--format");
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new UsageException("unknown --format: " + format + " (csv or jsonl)");
        }
        if (options.value("--previous") != null || options.flag("--compiled")) {
            throw new UsageException("--previous and --compiled check one file; a batch finds each previous year");
        }
        if (options.files().contains("-")) {
            throw new UsageException("a batch reads files, folders and zip archives, not standard input");
        }
        List<ReportLine> lines =
                BatchCheck.check(options.files().stream().map(Path::of).toList());
        stdout.write((format.equals("csv") ? BatchTable.csv(lines) : BatchTable.jsonl(lines))
                .getBytes(StandardCharsets.UTF_8));
        BatchSummary summary = BatchCheck.summary(lines);
        stderr.print(BatchTable.summary(summary));
        if (summary.files() == 0) {
            stderr.println("没有找到文件 / no files found");
            return UNREADABLE;
        }
        return summary.notReports() > 0 ? UNREADABLE : summary.withErrors() > 0 ? ERRORS_FOUND : OK;
    }

    private int render(List<String> args) throws UsageException, UnreadableReportException, IOException {
        Options options = Options.parse(args, List.of("--to"));
        String to = options.value("--to");
        if (to == null) {
            throw new UsageException("render needs --to html|csv|json|text");
        }
        if (!List.of("html", "csv", "json", "text").contains(to)) {
            throw new UsageException("unknown layout for --to: " + to + " (html, csv, json or text)");
        }
        AnnualReport report = read(options.file()).report();
        stdout.write(
                switch (to) {
                    case "html" -> HtmlRenderer.renderBytes(report);
                    case "csv" -> CsvRenderer.renderBytes(report);
                    case "text" -> TextRenderer.renderBytes(report);
                    default -> CanonicalJson.writeBytes(report);
                });
        return OK;
    }

    private int rules(List<String> args) throws UsageException, IOException {
        if (!args.isEmpty()) {
            throw new UsageException("rules takes no arguments");
        }
        StringBuilder out = new StringBuilder();
        for (RuleId rule : RuleId.values()) {
            out.append("{\"id\":\"")
                    .append(rule.name())
                    .append("\",\"severity\":\"")
                    .append(rule.severity().code())
                    .append("\"}\n");
        }
        stdout.write(out.toString().getBytes(StandardCharsets.UTF_8));
        return OK;
    }

    /** Reads a report from a file or, for "-", standard input; our own CSV is recognised before the importers. */
    private ImportResult read(String file) throws UnreadableReportException, IOException {
        byte[] content = file.equals("-") ? ReportFiles.readLimited(stdin) : ReportFiles.readFile(Path.of(file));
        return ReportFiles.read(content);
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Positional FILEs plus named options with a value and flags. */
    private record Options(List<String> files, java.util.Map<String, String> values, java.util.Set<String> flags) {

        static Options parse(List<String> args, List<String> valued, String... flagNames) throws UsageException {
            List<String> files = new ArrayList<>();
            java.util.Map<String, String> values = new java.util.HashMap<>();
            java.util.Set<String> flags = new java.util.HashSet<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (valued.contains(arg)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(arg + " needs a value");
                    }
                    if (values.put(arg, args.get(++i)) != null) {
                        throw new UsageException(arg + " given twice");
                    }
                } else if (List.of(flagNames).contains(arg)) {
                    flags.add(arg);
                } else if (arg.startsWith("--")) {
                    throw new UsageException("unknown option: " + arg);
                } else {
                    files.add(arg);
                }
            }
            if (files.isEmpty()) {
                throw new UsageException("missing FILE");
            }
            return new Options(files, values, flags);
        }

        /** The one FILE of a command that reads one. */
        String file() throws UsageException {
            if (files.size() > 1) {
                throw new UsageException("unexpected argument: " + files.get(1));
            }
            return files.getFirst();
        }

        String value(String name) {
            return values.get(name);
        }

        boolean flag(String name) {
            return flags.contains(name);
        }
    }
}
