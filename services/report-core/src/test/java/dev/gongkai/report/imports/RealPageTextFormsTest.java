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
 * Two real portal pages of the corpus in the forms they are handed around in ({@code fixtures/real/forms/}, see its
 * README): as text browsers save them, as {@code pdftotext} gives the text of the page printed to PDF, and as the
 * Word document LibreOffice makes of the page. Every
 * form but the plain PDF text reads every cell as the truth of the page has it; the plain text reads only right
 * numbers. Before: w3m's dump of 006 gave 111 cells a wrong value (the box-drawing bars read as cells); lynx's dumps
 * were no report at all (decoded as GB18030), and once decoded gave blank cells for their empty lines and indents;
 * the PDF texts took the print header for part of the agency's name («38AM莆田市城市管理局»), missed rows whose labels
 * the layout wrapped around their values, and stored table 四's scrambled values in the wrong cells.
 */
class RealPageTextFormsTest {

    static Stream<String> whole() {
        return Stream.of("006_putian_cgj_2021", "008_putian_slj_2021")
                .flatMap(page -> Stream.of(
                                ".w3m.txt",
                                ".lynx.txt",
                                ".chromium-pdf.layout.txt",
                                ".chromium-pdf.raw.txt",
                                ".libreoffice.docx")
                        .map(form -> page + form));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whole")
    void readsEveryCellOfThePageAsItsTruthHasIt(String file) throws Exception {
        RealCorpusTest.Truth truth = truthOf(file);
        AnnualReport report = read(file).report();

        assertThat(wrong(truth, report, true)).isEmpty();
        assertThat(report.cells()).hasSameSizeAs(truth.cells());
        assertThat(report.agency()).isEqualTo(truth.agency());
        assertThat(report.year()).isEqualTo(truth.year());
        assertThat(report.format().code()).isEqualTo(truth.format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plain")
    void readsOnlyRightNumbersFromThePlainTextOfThePrintedPage(String file) throws Exception {
        RealCorpusTest.Truth truth = truthOf(file);
        ImportResult result = read(file);

        assertThat(wrong(truth, result.report(), false)).isEmpty();
        assertThat(result.report().cells().size()).isGreaterThan(truth.cells().size() * 3 / 4);
        assertThat(result.report().agency()).isEqualTo(truth.agency());
        List<String> named = result.findings().stream()
                .flatMap(finding -> finding.cells().stream())
                .toList();
        assertThat(truth.cells().keySet())
                .as("every cell not read is named by a finding")
                .allMatch(key -> result.report().cells().containsKey(key) || named.contains(key));
    }

    static Stream<String> plain() {
        return Stream.of("006_putian_cgj_2021.chromium-pdf.plain.txt", "008_putian_slj_2021.chromium-pdf.plain.txt");
    }

    private static ImportResult read(String file) throws UnreadableReportException {
        return ReportReader.read(RealCorpusTest.resource("/fixtures/real/forms/" + file));
    }

    private static RealCorpusTest.Truth truthOf(String file) {
        String page = file.substring(0, file.indexOf('.'));
        return RealCorpusTest.files()
                .filter(t -> t.file().equals(page + ".html"))
                .findFirst()
                .orElseThrow();
    }

    /** Cells read with another value than the truth's (and, when {@code all}, cells not read). */
    private static List<String> wrong(RealCorpusTest.Truth truth, AnnualReport report, boolean all) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> cell : truth.cells().entrySet()) {
            CellValue value = report.cells().get(cell.getKey());
            boolean read = value != null;
            if (read && !RealCorpusTest.matches(report, cell.getKey(), cell.getValue(), value)
                    || !read && (all || report.blank().contains(cell.getKey()))) {
                wrong.add(cell.getKey() + ": " + cell.getValue() + " read as " + value);
            }
        }
        return wrong;
    }
}
