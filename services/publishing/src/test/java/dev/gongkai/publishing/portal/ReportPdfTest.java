package dev.gongkai.publishing.portal;

import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.Section;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF as a reader prints it: table headers on every page a table runs over, every page numbered. */
class ReportPdfTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    @Test
    void aTableOverAPageBreakRepeatsItsHeaderAndEveryPageIsNumbered() throws Exception {
        // A general situation of most of a page pushes table 三 over a page break.
        String situation = String.join("\n", java.util.Collections.nCopies(22,
                "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
                        + "持续推进决策、执行、管理、服务、结果公开，主动公开政府信息，依法办理政府信息公开申请。"));
        AnnualReport report = Reports.report("乌海市公安局", 2021, 8).toBuilder().narrative(Section.S1, situation).build();
        byte[] pdf = new ReportPdf(FONT).render(new PublishedRevision(2021, 1, 3, report,
                Reports.beijing(2022, 1, 19), false, null, false, LocalDate.of(2022, 1, 31), false, null, null));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            List<String> texts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document).replaceAll("\\s+", ""));
            }
            for (int page = 1; page <= pages; page++) {
                assertThat(texts.get(page - 1)).as("page %d", page).contains("第" + page + "页/共" + pages + "页");
            }
            // Table 三's rows run over more than one page, and each of those pages carries its header.
            List<Integer> withRows = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                String text = texts.get(page - 1);
                if (text.contains("不予公开") || text.contains("无法提供") || text.contains("(七)总计")
                        || text.contains("结转下年度继续办理")) {
                    withRows.add(page);
                    assertThat(text).as("page %d", page).contains("自然人", "法人或其他组织", "社会公益组织");
                }
            }
            assertThat(withRows).hasSizeGreaterThan(1);
        }
    }
}
