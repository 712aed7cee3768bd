package dev.gongkai.reports.drafting;

import static dev.gongkai.reports.Staff.approver;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.report.testing.Words;
import dev.gongkai.reports.ReportsWebTest;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The printed draft the head of the agency signs: the report as it will be published, marked as a draft. */
@ReportsWebTest
class DraftPdfTest {

    @TestTenant(jurisdiction = "city-draft-pdf", nameZh = "测试市司法局")
    ManagedAgency agency;

    @TestTenant(jurisdiction = "city-draft-pdf", nameZh = "测试市民政局")
    ManagedAgency other;

    @TestTenant(jurisdiction = "city-draft-pdf", kind = dev.gongkai.contract.AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    @Test
    void theApproverGetsTheDraftAsPdfMarkedOnEveryPageAndNoOtherAgencyDoes() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"narrative\":{\"s5\":\"存在的主要问题是培训不足，下一步将加强培训。\"}}"))
                .andExpect(status().isOk());

        byte[] pdf = mvc.perform(get("/api/reports/2024/pdf").with(approver(agency)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // Words, as on the pages: no cell key, enum or grouped year on the page the head of the agency signs.
        Words.assertPdfInWords(pdf, "the draft's PDF");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(document).replaceAll("\\s+", "");
            assertThat(all).contains("存在的主要问题是培训不足");
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document).replaceAll("\\s+", ""))
                        .as("page %d", page)
                        .contains("草稿·未发布");
            }
        }

        // Another agency's staff naming this agency, its own token alone, or the office: never the draft.
        var foreign = mvc.perform(get("/api/reports/2024/pdf")
                        .with(editor(other))
                        .header("X-Agency", agency.slug().value()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse();
        assertThat(foreign.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("%PDF");
        mvc.perform(get("/api/reports/2024/pdf").with(approver(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/2024/pdf").with(reviewer(office))).andExpect(status().isForbidden());
    }
}
