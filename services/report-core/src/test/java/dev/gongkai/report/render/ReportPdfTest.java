package dev.gongkai.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.Section;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF as a reader prints it: table headers on every page a table runs over, every page numbered; a draft marked
 * as one on every page.
 */
class ReportPdfTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    @Test
    void aTableOverAPageBreakRepeatsItsHeaderAndEveryPageIsNumbered() throws Exception {
        List<String> texts = pages(new ReportPdf(FONT).render(longReport(), "第1版，发布于 2022-01-19 10:00"));
        int pages = texts.size();
        assertThat(pages).isGreaterThan(1);
        assertThat(texts.getLast()).contains("第1版，发布于2022-01-1910:00");
        for (int page = 1; page <= pages; page++) {
            assertThat(texts.get(page - 1)).as("page %d", page).contains("第" + page + "页/共" + pages + "页");
        }
        // Table 三's rows run over more than one page, and each of those pages carries its header.
        List<Integer> withRows = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            String text = texts.get(page - 1);
            if (text.contains("不予公开")
                    || text.contains("无法提供")
                    || text.contains("(七)总计")
                    || text.contains("结转下年度继续办理")) {
                withRows.add(page);
                assertThat(text).as("page %d", page).contains("自然人", "法人或其他组织", "社会公益组织");
            }
        }
        assertThat(withRows).hasSizeGreaterThan(1);
        assertThat(String.join("", texts)).doesNotContain("草稿");
    }

    @Test
    void everyPageOfADraftSaysItIsNotThePublishedReport() throws Exception {
        List<String> texts = pages(new ReportPdf(FONT).renderDraft(longReport()));
        assertThat(texts).hasSizeGreaterThan(1);
        for (int page = 1; page <= texts.size(); page++) {
            assertThat(texts.get(page - 1))
                    .as("page %d", page)
                    .contains("草稿·未发布", "第" + page + "页/共" + texts.size() + "页");
        }
        assertThat(String.join("", texts)).doesNotContain("发布于");
    }

    /** The seed report with a general situation of most of a page, which pushes table 三 over a page break. */
    private static AnnualReport longReport() {
        String situation = String.join(
                "\n",
                java.util.Collections.nCopies(
                        22,
                        "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，" + "持续推进决策、执行、管理、服务、结果公开，主动公开政府信息，依法办理政府信息公开申请。"));
        return SeedReport.report().toBuilder().narrative(Section.S1, situation).build();
    }

    /** Each page's text without white space. */
    private static List<String> pages(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> texts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document).replaceAll("\\s+", ""));
            }
            return texts;
        }
    }
}
