package dev.gongkai.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRendererTest {

    @Test
    void writesItemsInWordsInNationalOrderAfterTheReportsOwnRows() throws Exception {
        String csv = CsvRenderer.render(SeedReport.report());
        List<String> lines = csv.lines().toList();

        assertThat(lines.getFirst()).isEqualTo("项目,数值");
        assertThat(lines.subList(1, 5)).containsExactly("报告格式,2021", "报告年度,2021", "机关名称,乌海市公安局", "发布日期,2022-01-19");
        assertThat(csv)
                .contains("\r\n第二十条第(一)项 规章 · 本年制发件数,0\r\n第二十条第(一)项 规章 · 本年废止件数,0\r\n")
                .contains("\r\n三、(七)总计 · 总计,0\r\n")
                .doesNotContain("s2.", "s3.", "s4.", "key", "label");
        List<String> names = CsvReader.parse(csv).stream()
                .map(List::getFirst)
                .filter(name -> name.contains(" · "))
                .toList();
        assertThat(names)
                .isEqualTo(ReportLayout.of(ReportFormat.V2021).cells().stream()
                        .map(c -> c.name())
                        .toList());
    }

    /** Each format names each of its cells once, so a CSV row's name says which cell it is. */
    @Test
    void everyCellOfAFormatHasANameOfItsOwn() {
        for (ReportFormat format : ReportFormat.values()) {
            List<String> names =
                    ReportLayout.of(format).cells().stream().map(c -> c.name()).toList();
            assertThat(names).as(format.code()).doesNotHaveDuplicates();
        }
    }

    /** The CSV of earlier releases ({@code key,label,value}) is still read. */
    @Test
    void readsTheKeyedCsvOfEarlierReleases() throws Exception {
        String csv = "key,label,value\r\nformat,格式,2021\r\nyear,报告年度,2021\r\nagency,机关名称,乌海市公安局\r\n"
                + "s3.received.total,一、本年新收政府信息公开申请数量 / 总计,4\r\n"
                + "s3.received.naturalPerson,一、本年新收政府信息公开申请数量 / 自然人,\r\n";

        ImportResult result = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(result.findings()).isEmpty();
        assertThat(result.report())
                .isEqualTo(AnnualReport.builder(ReportFormat.V2021)
                        .year(2021)
                        .agency("乌海市公安局")
                        .cell("s3.received.total", 4)
                        .blank("s3.received.naturalPerson")
                        .build());
        assertThat(CsvReader.looksLikeCsv(csv.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void startsWithAByteOrderMarkSoSpreadsheetsReadUtf8() {
        byte[] bytes = CsvRenderer.renderBytes(SeedReport.report());

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF, 0xE9, 0xA1, 0xB9); // 项
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2021)
                .agency("某局,\"办公室\"")
                .narrative(Section.S6, "第一行\n第二行")
                .build();

        String csv = CsvRenderer.render(report);

        assertThat(csv).contains("机关名称,\"某局,\"\"办公室\"\"\"\r\n");
        assertThat(csv).contains("六、其他需要报告的事项,\"第一行\n第二行\"\r\n");
        assertThat(csv).contains("报告年度,\r\n", "发布日期,\r\n").doesNotContain("一、总体情况", "五、");
    }

    @Test
    void keepsBlankAndAbsentCellsApart() throws Exception {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2021)
                .year(2021)
                .cell("s3.received.total", 4)
                .blank("s3.received.naturalPerson")
                .build();

        String csv = CsvRenderer.render(report);
        ImportResult back = CsvReader.read(CsvRenderer.renderBytes(report));

        String naturalPerson = ReportLayout.of(ReportFormat.V2021)
                .cell("s3.received.naturalPerson")
                .orElseThrow()
                .name();
        assertThat(csv).contains("\r\n" + naturalPerson + ",\r\n");
        assertThat(csv).doesNotContain("商业企业");
        assertThat(back.findings()).isEmpty();
        assertThat(back.report()).isEqualTo(report);
    }

    @Test
    void guardsTextThatASpreadsheetWouldRunAsAFormula() throws Exception {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2019)
                .agency("=HYPERLINK(\"http://x\")")
                .narrative(Section.S5, "'-已有撇号")
                .cell("s2v2019.licensing.change", -2)
                .cell("s2v2019.procurement.amount", CellValue.text("+251000元"))
                .build();

        String csv = CsvRenderer.render(report);

        assertThat(csv).contains("'=HYPERLINK", "''-已有撇号", ",'+251000元", ",-2\r\n");
        assertThat(CsvReader.read(csv.getBytes(StandardCharsets.UTF_8)).report())
                .isEqualTo(report);
    }

    @Test
    void readsTheSeedReportBack() throws Exception {
        ImportResult result = CsvReader.read(CsvRenderer.renderBytes(SeedReport.report()));

        assertThat(result.findings()).isEmpty();
        assertThat(result.report()).isEqualTo(SeedReport.report());
    }

    @Test
    void reportsRowsTheFormatDoesNotKnow() throws Exception {
        String total = ReportLayout.of(ReportFormat.V2021)
                .cell("s3.received.total")
                .orElseThrow()
                .name();
        String csv =
                "项目,数值\n报告格式,2021\n一、本年新收政府信息公开申请数量 · 小计,3\n" + total + ",2\n" + total + ",5\n" + "broken,row,three\n";

        ImportResult result = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(result.report().cells()).containsOnlyKeys("s3.received.total");
        assertThat(result.report().number("s3.received.total"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2"));
        assertThat(result.findings()).hasSize(3).extracting(f -> f.rule()).containsOnly("STRUCTURE");
    }

    @Test
    void refusesWhatIsNotOurCsv() {
        assertThatThrownBy(() -> CsvReader.read("a,b,c\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_A_REPORT"));
        assertThatThrownBy(() -> CsvReader.read("项目,数值\n报告年度,2021\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_FORMAT"));
        assertThatThrownBy(() -> CsvReader.read("项目,数值\n报告格式,\"2021\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("DAMAGED"));
        assertThat(CsvReader.looksLikeCsv(CsvRenderer.renderBytes(SeedReport.report())))
                .isTrue();
        assertThat(CsvReader.looksLikeCsv(SeedReport.fixtureBytes())).isFalse();
    }
}
