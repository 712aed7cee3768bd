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
    void writesKeyLabelValueRowsInNationalOrderAfterTheReportsOwnRows() {
        String csv = CsvRenderer.render(SeedReport.report());
        List<String> lines = csv.lines().toList();

        assertThat(lines.getFirst()).isEqualTo("key,label,value");
        assertThat(lines.subList(1, 5))
                .containsExactly(
                        "format,格式,2021", "year,报告年度,2021", "agency,机关名称,乌海市公安局", "publishedOn,发布日期,2022-01-19");
        assertThat(csv)
                .contains("\r\ns2.regulations.issued,规章 / 本年制发件数,0\r\n" + "s2.regulations.repealed,规章 / 本年废止件数,0\r\n");
        assertThat(csv).contains("\r\ns2.fees.amount,行政事业性收费 / 本年收费金额(单位:万元),0\r\n");
        assertThat(csv).endsWith("s4.litigationAfterReview.total,行政诉讼 复议后起诉 / 行政诉讼 复议后起诉 总计,0\r\n");
        List<String> keys = lines.stream()
                .map(l -> l.split(",", 2)[0])
                .filter(k -> k.startsWith("s2.") || k.startsWith("s3.") || k.startsWith("s4."))
                .toList();
        assertThat(keys)
                .isEqualTo(ReportLayout.of(ReportFormat.V2021).cells().stream()
                        .map(c -> c.key())
                        .toList());
    }

    @Test
    void startsWithAByteOrderMarkSoSpreadsheetsReadUtf8() {
        byte[] bytes = CsvRenderer.renderBytes(SeedReport.report());

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF, 'k', 'e', 'y');
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2021)
                .agency("某局,\"办公室\"")
                .narrative(Section.S6, "第一行\n第二行")
                .build();

        String csv = CsvRenderer.render(report);

        assertThat(csv).contains("agency,机关名称,\"某局,\"\"办公室\"\"\"\r\n");
        assertThat(csv).contains("s6,六、其他需要报告的事项,\"第一行\n第二行\"\r\n");
        assertThat(csv).contains("year,报告年度,\r\n", "publishedOn,发布日期,\r\n").doesNotContain("s1,", "s5,");
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

        assertThat(csv).contains("s3.received.naturalPerson,一、本年新收政府信息公开申请数量 / 自然人,\r\n");
        assertThat(csv).doesNotContain("s3.received.commercial");
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
        String csv = "key,label,value\nformat,格式,2021\ns3.received.subtotal,小计,3\ns3.received.total,,2\n"
                + "s3.received.total,,5\nbroken,row\n";

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
        assertThatThrownBy(() -> CsvReader.read("key,label,value\nyear,,2021\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_FORMAT"));
        assertThatThrownBy(() -> CsvReader.read("key,label,value\nformat,,\"2021\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("DAMAGED"));
        assertThat(CsvReader.looksLikeCsv(CsvRenderer.renderBytes(SeedReport.report())))
                .isTrue();
        assertThat(CsvReader.looksLikeCsv(SeedReport.fixtureBytes())).isFalse();
    }
}
