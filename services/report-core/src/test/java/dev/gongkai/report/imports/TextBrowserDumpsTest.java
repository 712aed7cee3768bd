package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Two real portal pages of the corpus as text browsers save them ({@code fixtures/real/dumps/}, see its README): w3m's
 * tables drawn with box-drawing characters, and lynx's one indented paragraph per cell with an empty line after each
 * and a few broken UTF-8 bytes. Every cell is read as the truth of the page has it. Before, w3m's dump of 006 gave 111
 * cells a wrong value (the bars read as cells), and lynx's dumps were no report at all (decoded as GB18030), then,
 * decoded, gave blank cells for the empty lines and for the indents.
 */
class TextBrowserDumpsTest {

    static Stream<String> dumps() {
        return Stream.of(
                "006_putian_cgj_2021.w3m.txt",
                "006_putian_cgj_2021.lynx.txt",
                "008_putian_slj_2021.w3m.txt",
                "008_putian_slj_2021.lynx.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void readsEveryCellOfThePageAsItsTruthHasIt(String dump) throws Exception {
        RealCorpusTest.Truth truth = RealCorpusTest.files()
                .filter(t -> t.file().startsWith(dump.substring(0, dump.indexOf('.'))))
                .filter(t -> t.file().endsWith(".html"))
                .findFirst()
                .orElseThrow();

        ImportResult result = ReportReader.read(RealCorpusTest.resource("/fixtures/real/dumps/" + dump));
        AnnualReport report = result.report();

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> cell : truth.cells().entrySet()) {
            CellValue value = report.cells().get(cell.getKey());
            if (value == null || !RealCorpusTest.matches(report, cell.getKey(), cell.getValue(), value)) {
                wrong.add(cell.getKey() + ": " + cell.getValue() + " read as " + value);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(report.cells()).hasSameSizeAs(truth.cells());
        assertThat(report.agency()).isEqualTo(truth.agency());
        assertThat(report.year()).isEqualTo(truth.year());
        assertThat(report.format().code()).isEqualTo(truth.format());
    }
}
