package dev.gongkai.report.bench;

import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.TextRenderer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of whole command-line runs, as a person at a shell sees it ({@code java -jar report-bench.jar startup
 * [--runs N] [--batch-runs N]}, from the repository): one {@code parse} of the seed text, plainly with
 * {@code java -jar} and through {@code infra/report-cli} (AOT cache, serial GC, C1), and {@code check} of a folder
 * of 300 reports (90 text, 90 HTML, 90 Word, 30 PDF) on every core and on one. The variants take turns, round after
 * round, so a change in the machine's load hits them alike; each figure is the median. {@code python3 -c pass}
 * is measured in the same rounds as the floor of a Python tool's start-up (the repository has no Python peer
 * parser to time); every run is also given as a ratio to it, of wall and of CPU time, which on a loaded machine
 * compare where the seconds do not.
 */
final class StartupBench {

    static final int FOLDER_SIZE = 300;
    static final int PDFS = 30;

    private StartupBench() {
    }

    private record Variant(String name, List<String> command, Map<String, String> env, int runs) {
    }

    static void run(String[] args) throws IOException, InterruptedException, UnreadableReportException {
        int runs = option(args, "--runs", 11);
        int batchRuns = option(args, "--batch-runs", 5);
        Path root = repositoryRoot();
        Path launcher = root.resolve("infra/report-cli");
        Path jar = root.resolve("services/report-core/target/report-cli.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -pl services/report-core package -DskipTests");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dir = Files.createTempDirectory("report-startup");
        Path seed = Files.write(dir.resolve("seed.txt"), ReportBenchmark.fixture("wuhai-psb-2021.txt"));
        Path folder = folder(dir.resolve("city"));
        Path pdfs = Files.createDirectories(dir.resolve("pdf"));
        for (int i = 0; i < PDFS; i++) {
            Files.write(pdfs.resolve(i + ".pdf"), ReportBenchmark.fixture("huaian-gov-2024.pdf"));
        }

        List<Variant> variants = new ArrayList<>();
        if (onPath("python3")) {
            variants.add(new Variant("python3 -c pass", List.of("python3", "-c", "pass"), Map.of(), runs));
        }
        variants.add(new Variant("java -jar report-cli.jar parse", List.of(java, "-jar", jar.toString(), "parse",
                seed.toString()), Map.of(), runs));
        variants.add(new Variant("infra/report-cli parse", List.of(launcher.toString(), "parse", seed.toString()),
                Map.of(), runs));
        variants.add(new Variant("infra/report-cli check 300", List.of(launcher.toString(), "check",
                folder.toString()), Map.of(), batchRuns));
        variants.add(new Variant("  the same on one core", List.of(launcher.toString(), "check", folder.toString()),
                Map.of("REPORT_CLI_JAVA_OPTS", "-XX:ActiveProcessorCount=1"), batchRuns));
        variants.add(new Variant("infra/report-cli check 30 PDFs", List.of(launcher.toString(), "check",
                pdfs.toString()), Map.of(), batchRuns));

        // The first use makes the AOT cache when the jar is new: timed on its own, never in the medians.
        double firstUse = time(variants.get(variants.size() - 4)).wall();
        Map<Variant, List<Run>> times = new LinkedHashMap<>();
        variants.forEach(variant -> times.put(variant, new ArrayList<>()));
        for (int round = 0; round < Math.max(runs, batchRuns); round++) {
            for (Variant variant : variants) {
                if (round < variant.runs()) {
                    times.get(variant).add(time(variant));
                }
            }
        }

        boolean withPython = variants.getFirst().command().getFirst().equals("python3");
        double python = withPython ? median(times.get(variants.getFirst()), Run::wall) : Double.NaN;
        double pythonCpu = withPython ? median(times.get(variants.getFirst()), Run::cpu) : Double.NaN;
        System.out.printf(Locale.ROOT, "Wall time of whole runs, median of %d (batch: %d), %d cores, load average %s%n",
                runs, batchRuns, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT,
                "first use of infra/report-cli (making the AOT cache if the jar is new): %.2f s%n", firstUse);
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s %9s %12s %14s %14s%n", "run", "median s", "min s",
                "max s", "CPU s", "per file ms", "× python3 -c", "CPU × python3");
        for (Variant variant : variants) {
            List<Double> sorted = times.get(variant).stream().map(Run::wall).sorted().toList();
            double median = median(times.get(variant), Run::wall);
            int files = variant.name().contains("PDFs") ? PDFS
                    : variant.name().contains("300") || variant.name().contains("same") ? FOLDER_SIZE : 1;
            long notRead = times.get(variant).stream().filter(Run::notRead).count();
            double cpu = median(times.get(variant), Run::cpu);
            System.out.printf(Locale.ROOT, "%-34s %9.3f %9.3f %9.3f %9.2f %12.2f %14.2f %14.2f%s%n", variant.name(),
                    median, sorted.getFirst(), sorted.getLast(), cpu, 1000 * median / files, median / python,
                    cpu / pythonCpu, notRead == 0 ? "" : "  (" + notRead + " runs left a file unread)");
        }
        delete(dir);
    }

    /** 100 agencies × 3 years (the seed, renamed), rendered as text, HTML and Word in turn. */
    private static Path folder(Path folder) throws IOException, UnreadableReportException {
        Files.createDirectories(folder);
        AnnualReport seed = ReportReader.read(ReportBenchmark.fixture("wuhai-psb-2021.txt")).report();
        for (int i = 0; i < FOLDER_SIZE; i++) {
            AnnualReport report = seed.toBuilder().agency("乌海市第" + (i / 3 + 1) + "局").year(2022 + i % 3).build();
            String name = String.format(Locale.ROOT, "%03d", i);
            switch (i % 3) {
                case 0 -> Files.write(folder.resolve(name + ".txt"), TextRenderer.renderBytes(report));
                case 1 -> Files.write(folder.resolve(name + ".html"), HtmlRenderer.renderBytes(report));
                default -> Files.write(folder.resolve(name + ".docx"), SeedDocx.of(TextRenderer.renderBytes(report)));
            }
        }
        return folder;
    }

    /**
     * Wall and CPU seconds of one run, and whether some file was not read (exit 2: the PDF importer's time budget
     * runs out on a machine loaded enough, and the batch says so on that file's line).
     */
    private record Run(double wall, double cpu, boolean notRead) {
    }

    private static Run time(Variant variant) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(variant.command()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(variant.env());
        double cpuBefore = childrenCpu();
        long start = System.nanoTime();
        int code = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code > 2) {
            throw new IllegalStateException(variant.name() + " exited " + code + ": " + variant.command());
        }
        return new Run(seconds, childrenCpu() - cpuBefore, code == 2);
    }

    /**
     * User and system CPU seconds of this process's finished children (Linux, 100 ticks a second; NaN elsewhere):
     * on a loaded machine wall time mostly measures the others, CPU time still this program.
     */
    private static double childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> measure) {
        double[] sorted = runs.stream().mapToDouble(measure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("infra/report-cli"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository: infra/report-cli not found");
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
