package dev.gongkai.report.bench;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.rules.CheckContext;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.ReportChecker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and check throughput on one thread. The two {@code baseline} benchmarks (decoding the seed's bytes to a
 * String; summing the seed report's cells) run in the same command, so {@link BenchMain} can print every figure as
 * a ratio to them: ratios compare across machines where raw operations per second do not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReportBenchmark {

    private byte[] text;
    private byte[] html;
    private byte[] docx;
    private byte[] pdf;
    private AnnualReport report;
    private CheckContext withPrevious;

    @Setup
    public void load() throws UnreadableReportException {
        text = fixture("wuhai-psb-2021.txt");
        pdf = fixture("huaian-gov-2024.pdf");
        ImportResult seed = ReportReader.read(text);
        report = seed.report();
        html = HtmlRenderer.renderBytes(report);
        docx = SeedDocx.of(text);
        withPrevious = CheckContext.withPrevious(report.toBuilder().year(report.year() - 1).build());
        // Measure what works: every source must give back the seed before its speed means anything.
        for (byte[] source : List.of(html, docx)) {
            AnnualReport parsed = ReportReader.read(source).report();
            if (!CanonicalJson.write(parsed).equals(CanonicalJson.write(report))) {
                throw new IllegalStateException("the benchmark's source does not parse to the seed report:\n"
                        + CanonicalJson.write(parsed));
            }
        }
        if (ReportReader.read(pdf).report().cells().isEmpty()) {
            throw new IllegalStateException("the PDF fixture parses to no cells");
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = ReportBenchmark.class.getResourceAsStream("/bench-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing from the benchmark jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public int baselineDecodeText() {
        return new String(text, StandardCharsets.UTF_8).length();
    }

    @Benchmark
    public BigDecimal baselineIterateCells() {
        BigDecimal sum = BigDecimal.ZERO;
        for (CellValue value : report.cells().values()) {
            if (value instanceof CellValue.Numeric(BigDecimal number)) {
                sum = sum.add(number);
            }
        }
        return sum;
    }

    @Benchmark
    public ImportResult parseText() throws UnreadableReportException {
        return ReportReader.read(text);
    }

    @Benchmark
    public ImportResult parseHtml() throws UnreadableReportException {
        return ReportReader.read(html);
    }

    @Benchmark
    public ImportResult parseDocx() throws UnreadableReportException {
        return ReportReader.read(docx);
    }

    @Benchmark
    public ImportResult parsePdf() throws UnreadableReportException {
        return ReportReader.read(pdf);
    }

    @Benchmark
    public List<Finding> check() {
        return ReportChecker.check(report);
    }

    @Benchmark
    public List<Finding> checkWithPreviousYear() {
        return ReportChecker.check(report, withPrevious);
    }

    @Benchmark
    public String renderJson() {
        return CanonicalJson.write(report);
    }

    @Benchmark
    public String renderHtml() {
        return HtmlRenderer.render(report);
    }
}
