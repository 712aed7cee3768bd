package dev.gongkai.reports.attachments;

import static dev.gongkai.reports.Staff.approver;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.editorAndApprover;
import static dev.gongkai.reports.Staff.reviewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.UploadKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.platform.testing.TestTokens;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ReportsWebTest
class AttachmentTest {

    private static final byte[] PDF = "%PDF-1.7 signed and stamped".getBytes(StandardCharsets.US_ASCII);

    @TestTenant(jurisdiction = "city-attach")
    ManagedAgency agency;

    @TestTenant(jurisdiction = "city-attach", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    private ResultActions upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/reports/2024/attachments")
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .with(approver(agency)));
    }

    @Test
    void storesTheSignedPdfWithItsChecksumAndAuditsIt() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        String sha = Attachments.sha256(PDF);
        String body = upload("../备案/签章版.pdf", PDF)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.fileName").value("签章版.pdf"))
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        mvc.perform(get("/api/reports/2024/attachments").with(editor(agency)))
                .andExpect(jsonPath("$[0].size").value(PDF.length));
        mvc.perform(get("/api/reports/2024/attachments/" + id).with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PDF));
        String officeCopy = "/api/office/reports/" + agency.slug() + "/2024/attachments/" + id;
        mvc.perform(get(officeCopy).with(reviewer(office))).andExpect(status().isNotFound());
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.completePatch(2024, 0)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reports/2024/transitions")
                        .with(editorAndApprover(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"submit\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(officeCopy).with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/api/office/reports/" + agency.slug() + "/2024").with(reviewer(office)))
                .andExpect(jsonPath("$.attachments[0].sha256").value(sha));
        mvc.perform(get("/api/reports/2024/audit").with(editor(agency)))
                .andExpect(jsonPath("$[*].action").value(hasItem("attachment.add")))
                .andExpect(jsonPath("$[?(@.action=='attachment.add')].after.sha256")
                        .value(hasItem(sha)));
    }

    @Test
    void refusesOtherTypesOversizedFilesAndMissingReports() throws Exception {
        upload("a.pdf", PDF).andExpect(status().isNotFound());
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        upload("virus.pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.field").value("file"));
        // The console names and enforces the same limit: both take it from UploadKind.
        byte[] big = new byte[Math.toIntExact(UploadKind.ATTACHMENT.maxBytes()) + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload("big.pdf", big)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.message_zh").value("附件超过 20 MB"))
                .andExpect(jsonPath("$.message_en").value("The attachment is larger than 20 MB"));
        mvc.perform(multipart("/api/reports/2024/attachments").with(approver(agency)))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/reports/2024/attachments")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .with(reviewer(office)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/2024/attachments").with(editor(agency)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aFileIsRemovedWhileTheReportIsADraftAndStaysOnceItAwaitsSignOff() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        Number wrong = com.jayway.jsonpath.JsonPath.read(
                upload("错传.pdf", PDF).andReturn().getResponse().getContentAsString(), "$.id");
        // Uploaded by 王晓梅: the list and the audit trail name her as people read her, beside her username.
        var wang = TestTokens.named("晓梅", "王", "wang-xiaomei", java.util.List.of(agency.slug()), Roles.AGENCY_APPROVER);
        Number kept = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(multipart("/api/reports/2024/attachments")
                                .file(new MockMultipartFile("file", "签章版.pdf", "application/pdf", PDF))
                                .with(wang))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.uploadedByName").value("王晓梅"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(delete("/api/reports/2024/attachments/" + wrong).with(reviewer(office)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/reports/2024/attachments/" + wrong).with(editor(agency)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/reports/2024/attachments/" + wrong).with(editor(agency)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("attachment.not-found"));
        mvc.perform(get("/api/reports/2024/attachments").with(editor(agency)))
                .andExpect(jsonPath("$[*].fileName").value(contains("签章版.pdf")))
                .andExpect(jsonPath("$[0].uploadedByName").value("王晓梅"));
        mvc.perform(get("/api/reports/2024/audit").with(editor(agency)))
                .andExpect(jsonPath("$[?(@.action=='attachment.remove')].before.fileName")
                        .value(hasItem("错传.pdf")))
                .andExpect(
                        jsonPath("$[?(@.action=='attachment.add')].actorName").value(hasItem("王晓梅")));

        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.completePatch(2024, 0)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reports/2024/transitions")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"request-signoff\"}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/reports/2024/attachments/" + kept).with(editorAndApprover(agency)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("report.frozen"))
                .andExpect(jsonPath("$.message_zh").value(org.hamcrest.Matchers.containsString("等待签发")));
        mvc.perform(get("/api/reports/2024/attachments").with(editor(agency)))
                .andExpect(jsonPath("$.length()").value(1));
    }
}
