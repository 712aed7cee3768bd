package dev.gongkai.report.cli;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.render.TextRenderer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of the JDK's AOT cache ({@code java -XX:AOTCacheOutput=… -cp report-cli.jar …StartupTraining}, as
 * {@code infra/report-cli} does): runs the everyday single-file commands once on text reports of both formats, so the
 * classes they load and link are in the cache that later runs start from. Only those: a run loads every class of
 * the cache at start, so training the HTML, Word and PDF importers or the batch too made {@code parse} of a text
 * report a third slower (CPU 0.34 s against 0.25 s here); other commands load what they need from the jar as usual.
 */
public final class StartupTraining {

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("report-cli-training");
        try {
            for (ReportFormat format : ReportFormat.values()) {
                AnnualReport report = sample(format);
                Path text = Files.write(dir.resolve(format.code() + ".txt"), TextRenderer.renderBytes(report));
                Path previous = Files.write(
                        dir.resolve(format.code() + "-previous.txt"),
                        TextRenderer.renderBytes(
                                report.toBuilder().year(report.year() - 1).build()));
                run("parse", text.toString());
                run("check", text.toString(), "--previous", previous.toString());
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void run(String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        new ReportCli(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), nowhere).run(args);
    }

    /** A report with a value in every cell and a sentence in every narrative: every table and row is read. */
    private static AnnualReport sample(ReportFormat format) {
        int year = format == ReportFormat.V2021 ? 2024 : 2019;
        AnnualReport.Builder builder =
                AnnualReport.builder(format).year(year).agency("某市某某局").publishedOn(LocalDate.of(year + 1, 1, 20));
        int i = 0;
        for (CellDefinition cell : format.layout().cells()) {
            switch (cell.type()) {
                case AMOUNT -> builder.cell(cell.key(), new BigDecimal("1.5"));
                case TEXT -> builder.cell(cell.key(), CellValue.text("1000元"));
                case COUNT, SIGNED_COUNT -> builder.cell(cell.key(), i++ % 7);
            }
        }
        for (Section section : Section.NARRATIVES) {
            builder.narrative(section, year + "年，本机关认真贯彻落实政府信息公开条例，主动公开政府信息 12 条。");
        }
        return builder.build();
    }
}
