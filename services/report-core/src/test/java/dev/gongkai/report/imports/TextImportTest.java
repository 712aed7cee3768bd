package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed fixture, read end to end from bytes: exactly its published numbers. */
class TextImportTest {

    static byte[] resource(String path) {
        try (InputStream in = TextImportTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seed() {
        return new String(resource("/fixtures/wuhai-psb-2021.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void readsTheSeedFixtureWithExactlyItsPublishedNumbers() throws Exception {
        ImportResult result = ReportReader.read(resource("/fixtures/wuhai-psb-2021.txt"));
        AnnualReport report = result.report();

        assertThat(result.source()).isEqualTo(SourceType.TEXT);
        assertThat(result.findings()).isEmpty();
        assertThat(report.format()).isEqualTo(ReportFormat.V2021);
        assertThat(report.agency()).isEqualTo("乌海市公安局");
        assertThat(report.year()).isEqualTo(2021);
        assertThat(report.publishedOn()).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(report.blank()).isEmpty();

        Map<String, Long> table2 = Map.of(
                "s2.regulations.issued",
                0L,
                "s2.regulations.repealed",
                0L,
                "s2.regulations.inForce",
                0L,
                "s2.normativeDocuments.issued",
                19L,
                "s2.normativeDocuments.repealed",
                0L,
                "s2.normativeDocuments.inForce",
                21L,
                "s2.licensing.decisions",
                5L,
                "s2.penalties.decisions",
                3L,
                "s2.coercion.decisions",
                4L,
                "s2.fees.amount",
                0L);
        for (CellDefinition cell : report.layout().cells()) {
            long expected = table2.getOrDefault(cell.key(), 0L);
            assertThat(report.cell(cell.key())).as(cell.key()).contains(CellValue.of(BigDecimal.valueOf(expected)));
        }
        assertThat(report.cells()).hasSize(report.layout().cells().size());

        assertThat(report.narrative(Section.S6)).isEqualTo("(无)");
        assertThat(report.narrative(Section.S1))
                .startsWith("2021年以来")
                .contains("\n(一)多维度强化政策解读和回应。")
                .contains("\n一是加强组织领导。")
                .endsWith("等20项工作制度。");
        assertThat(report.narrative(Section.S5))
                .startsWith("2021年度,市公安局政务公开工作")
                .endsWith("大力拓展公安工作便民利民服务空间。")
                .doesNotContain("六、");
    }

    @Test
    void splitsRowsOnHalfAndFullWidthBarsKeepingEmptyCells() {
        SourceDocument document = TextExtractor.split("标题\r\n a | | b ｜c||\n\n");
        assertThat(document.lines())
                .extracting(SourceLine::cells)
                .containsExactly(
                        java.util.List.of("标题"),
                        java.util.List.of("a", "", "b", "c", "", ""),
                        java.util.List.of(""),
                        java.util.List.of(""));
    }
}
