package dev.gongkai.reports;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ReportsWebTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsTheApiWithBearerTokensAndTheAgencyHeader() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Gongkai reports"))
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/office/reports/{agency}/{year}/transitions'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get.parameters[*].name")
                        .value(hasItem("X-Agency")))
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get.parameters[*].name")
                        .value(not(hasItem("caller"))))
                .andExpect(
                        jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
    }

    @Test
    void describesTheReportWithWhatTheCallerMayDoWithIt() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get.responses['200'].content['*/*'].schema.$ref")
                        .value("#/components/schemas/ReportView"))
                .andExpect(jsonPath("$.components.schemas.ReportView.properties.allowedActions.type")
                        .value("array"))
                .andExpect(jsonPath("$.components.schemas.ReportView.properties.status.enum")
                        .value(hasItem("PENDING_SIGNOFF")))
                .andExpect(jsonPath("$.components.schemas.PatchResult.properties.totals")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.TransitionResult.properties.action")
                        .exists());
    }

    /** The office's review, the comments, history, audit trail and attachments answer records the document names. */
    @Test
    void describesWhatTheReviewAndTheHistoryRead() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/office/reports/{agency}/{year}'].get.responses['200']"
                                + ".content['*/*'].schema.$ref")
                        .value("#/components/schemas/OfficeReportView"))
                .andExpect(jsonPath("$.components.schemas.OfficeReportView.properties.comments.items.$ref")
                        .value("#/components/schemas/CommentView"))
                .andExpect(jsonPath("$.components.schemas.OfficeReportView.properties.attachments.items.$ref")
                        .value("#/components/schemas/AttachmentView"))
                .andExpect(jsonPath("$.components.schemas.OfficeReportView.properties.agencySlug")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/office/submissions'].get.responses['200']"
                                + ".content['*/*'].schema.items.$ref")
                        .value("#/components/schemas/SubmissionRow"))
                .andExpect(jsonPath("$.components.schemas.SubmissionRow.properties.status.enum")
                        .value(hasItem("NOT_STARTED")))
                .andExpect(jsonPath("$.paths['/api/reports/{year}/comments'].get.responses['200']"
                                + ".content['*/*'].schema.items.$ref")
                        .value("#/components/schemas/CommentView"))
                .andExpect(jsonPath("$.paths['/api/reports/{year}/revisions'].get.responses['200']"
                                + ".content['*/*'].schema.items.$ref")
                        .value("#/components/schemas/RevisionView"))
                .andExpect(jsonPath("$.paths['/api/reports/{year}/revisions/{a}/diff/{b}'].get.responses['200']"
                                + ".content['*/*'].schema.$ref")
                        .value("#/components/schemas/RevisionDiff"))
                .andExpect(jsonPath("$.paths['/api/reports/{year}/audit'].get.responses['200']"
                                + ".content['*/*'].schema.items.$ref")
                        .value("#/components/schemas/AuditEntryView"))
                .andExpect(jsonPath("$.paths['/api/reports/{year}/audit/verify'].get.responses['200']"
                                + ".content['*/*'].schema.$ref")
                        .value("#/components/schemas/AuditVerification"))
                .andExpect(jsonPath("$.components.schemas.AuditVerification.properties.message_zh")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/reports/{year}/attachments'].get.responses['200']"
                                + ".content['*/*'].schema.items.$ref")
                        .value("#/components/schemas/AttachmentView"));
    }

    @Test
    void describesTheOnboardingAnswerAsTheContractsRecord() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/office/imports/check'].post.responses['200']"
                                + ".content['*/*'].schema.$ref")
                        .value("#/components/schemas/OnboardingPlan"))
                .andExpect(jsonPath("$.components.schemas.OnboardingPlan.properties.summary.$ref")
                        .value("#/components/schemas/BatchSummary"))
                .andExpect(jsonPath("$.components.schemas.FileResult.properties.message_zh.type")
                        .value("string"));
    }
}
