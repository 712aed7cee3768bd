package dev.gongkai.reports.drafting;

import static dev.gongkai.reports.Staff.editor;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Fixtures;
import dev.gongkai.reports.ReportsWebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ReportsWebTest
class ImportTest {

    @TestTenant(nameZh = "乌海市公安局")
    ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    @Test
    void previewShowsTheParsedReportWithItsFindingsAndStoresNothing() throws Exception {
        mvc.perform(post("/api/reports/import?year=2021")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Fixtures.bytes("fixtures/wuhai-psb-2021.txt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("TEXT"))
                .andExpect(jsonPath("$.report.agency").value("乌海市公安局"))
                .andExpect(jsonPath("$.report.year").value(2021))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").isNumber())
                .andExpect(jsonPath("$.findings").isArray());
        mvc.perform(get("/api/reports/2021").with(editor(agency))).andExpect(status().isNotFound());
    }

    @Test
    void readsHtmlAndPdfBodiesToo() throws Exception {
        mvc.perform(post("/api/reports/import?year=2021")
                        .with(editor(agency))
                        .contentType(MediaType.TEXT_HTML)
                        .content(Fixtures.bytes("html/wuhai-psb-2021.html")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("HTML"))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").isNumber());
        mvc.perform(post("/api/reports/import?year=2024")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_PDF)
                        .content(Fixtures.bytes("fixtures/huaian-gov-2024.pdf")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("PDF"))
                .andExpect(jsonPath("$.report.year").value(2024));
    }

    @Test
    void anHtmlPageThatIsNotAReportIsRefusedWithTheReason() throws Exception {
        String page = "<html><body><h1>欢迎访问</h1><p>本站首页</p></body></html>";
        mvc.perform(post("/api/reports/import?year=2021")
                        .with(editor(agency))
                        .contentType(MediaType.TEXT_HTML)
                        .content(page.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("import.unreadable"))
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.reason").isString())
                .andExpect(
                        jsonPath("$.message_zh").value(org.hamcrest.Matchers.matchesPattern("无法读取该文件：.*\\p{IsHan}.*")))
                .andExpect(jsonPath("$.message_en")
                        .value(org.hamcrest.Matchers.matchesPattern("The file cannot be read: \\P{IsHan}+")));
        mvc.perform(post("/api/reports/2021/import")
                        .with(editor(agency))
                        .contentType(MediaType.TEXT_HTML)
                        .content(page.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/reports/2021").with(editor(agency))).andExpect(status().isNotFound());
    }

    @Test
    void aFileBeyondTwentyMegabytesIsRefusedUnread() throws Exception {
        mvc.perform(post("/api/reports/import?year=2021")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_PDF)
                        .content(new byte[20 * 1024 * 1024 + 1]))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.field").value("body"));
    }

    @Test
    void applyingAnImportFillsTheDraftAsANewRevision() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2021}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/reports/2021/import")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Fixtures.bytes("fixtures/wuhai-psb-2021.txt")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"r2\""))
                .andExpect(jsonPath("$.cells['s3.received.total']").isNumber())
                .andExpect(jsonPath("$.narrative.s1").isString());
        mvc.perform(get("/api/reports/2021/audit").with(editor(agency)))
                .andExpect(jsonPath("$[*].action").value(hasItem("report.import")));
        mvc.perform(post("/api/reports/2022/import")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Fixtures.bytes("fixtures/wuhai-psb-2021.txt")))
                .andExpect(status().isOk());
    }
}
