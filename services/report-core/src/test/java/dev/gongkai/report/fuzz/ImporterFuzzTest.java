package dev.gongkai.report.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvReader;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.SeedReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input must end in a report with findings or an {@link UnreadableReportException}: never
 * another exception, never a hang, never an {@link OutOfMemoryError} (the tests run with -Xmx1g).
 */
class ImporterFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final long SEED = 20220119L;

    /** Reads one input; fails with the input's head when anything but a result or an unreadable error comes out. */
    private static Outcome read(byte[] input) {
        try {
            ImportResult result = ReportReader.read(input);
            assertThat(result.report()).isNotNull();
            return Outcome.READ;
        } catch (UnreadableReportException e) {
            assertThat(e.code()).isNotBlank();
            assertThat(e.messageZh()).isNotBlank();
            assertThat(e.messageEn()).isNotBlank();
            return Outcome.UNREADABLE;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("input " + describe(input) + " failed with " + e, e);
        }
    }

    private enum Outcome {
        READ,
        UNREADABLE
    }

    private static String describe(byte[] input) {
        int head = Math.min(input.length, 64);
        return input.length + " bytes starting " + HexFormat.of().formatHex(input, 0, head);
    }

    @Test
    void randomBytesEndInAResultOrAReason() {
        Random random = new Random(SEED);
        List<byte[]> prefixes = List.of(
                new byte[0],
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'P', 'K', 3, 4},
                "<html><body><table>".getBytes(StandardCharsets.UTF_8),
                "{\"format\": \"2021\", ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "乌海市公安局2021年政府信息公开工作年度报告\n".getBytes(StandardCharsets.UTF_8));
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 3000; i++) {
                byte[] prefix = prefixes.get(i % prefixes.size());
                byte[] input = new byte[prefix.length + random.nextInt(i % 100 == 0 ? 65536 : 2048)];
                random.nextBytes(input);
                System.arraycopy(prefix, 0, input, 0, prefix.length);
                read(input);
            }
        });
    }

    @Test
    void mutatedReportsEndInAResultOrAReason() {
        Random random = new Random(SEED);
        List<byte[]> originals = List.of(
                SeedReport.fixtureBytes(),
                HtmlRenderer.renderBytes(SeedReport.report()),
                CanonicalJson.writeBytes(SeedReport.report()));
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 1500; i++) {
                byte[] input = originals.get(i % originals.size()).clone();
                int mutations = 1 + random.nextInt(i % 2 == 0 ? 4 : 200);
                for (int m = 0; m < mutations; m++) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    input = java.util.Arrays.copyOf(input, random.nextInt(input.length));
                }
                read(input);
            }
        });
    }

    @Test
    void ourOwnCsvSurvivesMutationToo() {
        Random random = new Random(SEED);
        byte[] original = CsvRenderer.renderBytes(SeedReport.report());
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 1000; i++) {
                byte[] input = original.clone();
                for (int m = 0; m < 1 + random.nextInt(50); m++) {
                    input[random.nextInt(input.length)] = (byte) "\",\r\n'=x1".charAt(random.nextInt(8));
                }
                try {
                    CsvReader.read(input);
                } catch (UnreadableReportException expected) {
                    assertThat(expected.code()).isNotBlank();
                }
            }
        });
    }

    @Test
    void aFiftyMegabyteTextFileEndsInBoundedTime() {
        byte[] input = fiftyMegabytes();
        assertThat(input.length).isGreaterThanOrEqualTo(50 * 1024 * 1024).isLessThan(ReportReader.MAX_BYTES);

        assertTimeoutPreemptively(BOUND, () -> read(input));
    }

    /** The seed report's lines, shuffled with noise and table rows, over and over: the worst a scraper can hand us. */
    private static byte[] fiftyMegabytes() {
        Random random = new Random(SEED);
        List<String> lines = new String(SeedReport.fixtureBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream(52 * 1024 * 1024);
        List<String> noise = new ArrayList<>(lines);
        noise.add("| | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | | |");
        noise.add("0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19");
        noise.add("x".repeat(5000));
        while (out.size() < 50 * 1024 * 1024) {
            String line = random.nextInt(3) == 0
                    ? lines.get(random.nextInt(lines.size()))
                    : noise.get(random.nextInt(noise.size()));
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Test
    void htmlNestedAHundredThousandLevelsDeepEndsInBoundedTime() {
        int depth = 100_000;
        for (String[] tags : List.of(
                new String[] {"<div>", "</div>"},
                new String[] {"<table><tr><td>", "</td></tr></table>"},
                new String[] {"<b>", "</b>"})) {
            StringBuilder html = new StringBuilder(depth * 40).append("<!DOCTYPE html><html><body>");
            html.append(tags[0].repeat(depth)).append("乌海市公安局2021年政府信息公开工作年度报告");
            html.append(tags[1].repeat(depth)).append("</body></html>");
            byte[] input = html.toString().getBytes(StandardCharsets.UTF_8);

            assertTimeoutPreemptively(BOUND, () -> read(input), tags[0]);
        }
    }

    @Test
    void jsonNestedAHundredThousandLevelsDeepIsUnreadable() {
        byte[] input = ("{\"format\": \"2021\", \"cells\": " + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

        assertTimeoutPreemptively(BOUND, () -> assertThat(read(input)).isEqualTo(Outcome.UNREADABLE));
    }
}
