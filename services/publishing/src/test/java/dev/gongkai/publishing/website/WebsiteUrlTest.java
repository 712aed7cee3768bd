package dev.gongkai.publishing.website;

import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static dev.gongkai.platform.testing.TestTokens.token;
import static dev.gongkai.publishing.Clients.anyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PublishingTest
class WebsiteUrlTest {

    static final String URL = "https://www.wuhai.gov.cn/gaj/zfxxgk/ndbg/202201/t20220119_1.html";

    @TestTenant(jurisdiction = "url-city", nameZh = "网址测试局")
    ManagedAgency agency;

    @TestTenant(jurisdiction = "url-city", nameZh = "网址测试市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    org.jooq.DSLContext dsl;

    private String page() {
        return "/public/url-city/" + agency.slug() + "/2021";
    }

    @Test
    void recordsTheAgencysOwnSiteUrlAndThePortalShowsIt() throws Exception {
        events.published(agency, 2021, Reports.json("网址测试局", 2021, 2), Reports.beijing(2022, 1, 19));
        events.pump();
        assertThat(body(page())).contains("未登记本机关网站");

        mvc.perform(put("/api/reports/2021/website-url")
                        .with(editorOf(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + URL + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.url").value(URL));

        assertThat(body(page())).contains("href=\"" + URL + "\"").doesNotContain("未登记本机关网站");
        // The agency reads it back (the console shows it after a reload), its approver too.
        mvc.perform(get("/api/reports/2021/website-url")
                        .with(token("approver", List.of(agency.slug()), Roles.AGENCY_APPROVER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.url").value(URL));
        assertThat(dsl.select(REPORT_STATE.WEBSITE_URL)
                        .from(REPORT_STATE)
                        .where(REPORT_STATE.AGENCY_SLUG.eq(agency.slug().value()))
                        .fetchSingle()
                        .value1())
                .isEqualTo(URL);

        // A correction is a new revision: it has to be posted (and recorded) again.
        events.corrected(agency, 2021, Reports.json("网址测试局", 2021, 3), Reports.beijing(2022, 2, 1), "更正");
        events.pump();
        assertThat(body(page())).contains("未登记本机关网站");
        mvc.perform(get("/api/reports/2021/website-url").with(editorOf(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.url").doesNotExist());
        mvc.perform(get("/api/reports/2020/website-url").with(editorOf(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").doesNotExist())
                .andExpect(jsonPath("$.url").doesNotExist());
    }

    @Test
    void refusesOthersThanTheAgencysEditorsAndAdministrators() throws Exception {
        events.published(agency, 2021, Reports.json("网址测试局", 2021, 2), Reports.beijing(2022, 1, 19));
        events.pump();
        String body = "{\"url\":\"" + URL + "\"}";

        mvc.perform(put("/api/reports/2021/website-url")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/reports/2021/website-url")
                        .with(officeOf(office))
                        .header("X-Agency", agency.slug().value())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/reports/2021/website-url")
                        .with(token("approver", List.of(agency.slug()), Roles.AGENCY_APPROVER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/reports/2021/website-url")
                        .with(editorOf(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"javascript:alert(1)\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("website-url.invalid"));
        mvc.perform(put("/api/reports/2020/website-url")
                        .with(editorOf(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("report.not-published"));
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path).with(anyone()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
