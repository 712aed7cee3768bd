package dev.gongkai.report.cli;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvReader;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.Findings;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.TextRenderer;
import dev.gongkai.report.rules.CheckContext;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.ReportChecker;
import dev.gongkai.report.rules.RuleId;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        System.exit(code);
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
        Options options = Options.parse(args, List.of("--previous"), "--compiled");
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
        stdout.write(switch (to) {
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
            out.append("{\"id\":\"").append(rule.name()).append("\",\"severity\":\"")
                    .append(rule.severity().code()).append("\"}\n");
        }
        stdout.write(out.toString().getBytes(StandardCharsets.UTF_8));
        return OK;
    }

    /** Reads a report from a file or, for "-", standard input; our own CSV is recognised before the importers. */
    private ImportResult read(String file) throws UnreadableReportException, IOException {
        byte[] content = file.equals("-") ? readLimited(stdin) : readFile(Path.of(file));
        if (CsvReader.looksLikeCsv(content)) {
            return CsvReader.read(content);
        }
        return ReportReader.read(content);
    }

    private static byte[] readFile(Path path) throws UnreadableReportException, IOException {
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
    private static byte[] readLimited(InputStream in) throws UnreadableReportException, IOException {
        byte[] content = in.readNBytes(ReportReader.MAX_BYTES + 1);
        if (content.length > ReportReader.MAX_BYTES) {
            throw tooLarge();
        }
        return content;
    }

    private static UnreadableReportException tooLarge() {
        return new UnreadableReportException("TOO_LARGE",
                "文件过大（超过 64 MB），不是年度报告", "the file is larger than 64 MB; it is not an annual report");
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** One positional FILE plus named options with a value and flags. */
    private record Options(String file, java.util.Map<String, String> values, java.util.Set<String> flags) {

        static Options parse(List<String> args, List<String> valued, String... flagNames) throws UsageException {
            String file = null;
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
                } else if (file == null) {
                    file = arg;
                } else {
                    throw new UsageException("unexpected argument: " + arg);
                }
            }
            if (file == null) {
                throw new UsageException("missing FILE");
            }
            return new Options(file, values, flags);
        }

        String value(String name) {
            return values.get(name);
        }

        boolean flag(String name) {
            return flags.contains(name);
        }
    }
}
