package dev.gongkai.publishing.compiled;

import static dev.gongkai.platform.jooq.core.Tables.COMPILED_DRAFT;
import static dev.gongkai.platform.jooq.core.Tables.COMPILED_REVISION;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import dev.gongkai.report.render.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The office writes the narrative of its compiled report beside the sums, publishes it and corrects it. */
@PublishingTest
class CompiledPublicationTest {

    private static final String NARRATIVE = """
            {"s1": "2021年，全市共新收政府信息公开申请5件，均已办结。",
             "s5": "存在的主要问题是部分机关公开内容不够全面，下一步将加强培训和检查。",
             "s6": "无"}""";

    @TestTenant(jurisdiction = "pub-city", nameZh = "发布市人民政府办公室", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "pub-city", nameZh = "发布市教育局")
    ManagedAgency education;

    @TestTenant(jurisdiction = "pub-city", nameZh = "发布市财政局")
    ManagedAgency finance;

    /** Never publishes: left out of every sum as not published. */
    @TestTenant(jurisdiction = "pub-city", nameZh = "发布市统计局")
    ManagedAgency statistics;

    /** Publishes its 2021 report in the 2019 form (only in the test that says so): left out as another form. */
    @TestTenant(jurisdiction = "pub-city", nameZh = "发布市审计局")
    ManagedAgency audit;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void publish() {
        events.published(education, 2021, Reports.json("发布市教育局", 2021, 2), Reports.beijing(2022, 1, 19));
        events.published(finance, 2021, Reports.json("发布市财政局", 2021, 3), Reports.beijing(2022, 1, 20));
        events.pump();
        // The tests share the jurisdiction: each starts with nothing drafted or published.
        dsl.deleteFrom(COMPILED_REVISION)
                .where(COMPILED_REVISION.JURISDICTION_SLUG.eq("pub-city"))
                .execute();
        dsl.deleteFrom(COMPILED_DRAFT)
                .where(COMPILED_DRAFT.JURISDICTION_SLUG.eq("pub-city"))
                .execute();
    }

    @Test
    void theNarrativeIsSavedAgainstTheVersionReadAndCheckedWithTheSums() throws Exception {
        mvc.perform(get("/api/office/compiled?year=2021&scope=own").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"c0\""))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("NARRATIVE_MISSING")))
                .andExpect(jsonPath("$.publishable").value(false));
        mvc.perform(narrative(NARRATIVE, null)).andExpect(status().isPreconditionRequired());
        mvc.perform(narrative(NARRATIVE, "\"c0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"c1\""))
                .andExpect(jsonPath("$.report.narrative.s1").value("2021年，全市共新收政府信息公开申请5件，均已办结。"))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("NARRATIVE_MISSING"))))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("NARRATIVE_NUMBER"))))
                .andExpect(jsonPath("$.publishable").value(true));
        // Someone else saved since version 0: nothing is overwritten.
        mvc.perform(narrative("{\"s1\": \"另一稿\"}", "\"c0\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("report.revision.stale"));
        // The rules of any report apply: the number the narrative states is checked against the summed table.
        mvc.perform(narrative(NARRATIVE.replace("申请5件", "申请50件"), "\"c1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.findings[?(@.rule=='NARRATIVE_NUMBER')].messageZh",
                        hasItem("总体情况写到“新收政府信息公开申请50件”（本年新收申请 50 件），但表格中为 5 件")));
        mvc.perform(narrative("{\"s2\": \"表格不是文字\"}", "\"c2\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("compiled.narrative.invalid"));
        mvc.perform(get("/api/office/compiled?year=2021&scope=city").with(officeOf(office)))
                .andExpect(header().string(HttpHeaders.ETAG, "\"c0\""));
    }

    @Test
    void onlyTheOfficeAdminWritesAndPublishesAndOnlyWithoutErrors() throws Exception {
        var reviewer = token("reviewer-" + office.slug(), List.of(office.slug()), Roles.OFFICE_REVIEWER);
        mvc.perform(get("/api/office/compiled?year=2021&scope=own").with(reviewer))
                .andExpect(status().isOk());
        mvc.perform(narrative(NARRATIVE, "\"c0\"").with(reviewer)).andExpect(status().isForbidden());
        mvc.perform(publication("\"c0\"", null).with(reviewer)).andExpect(status().isForbidden());
        mvc.perform(publication("\"c0\"", null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("compiled.publish.blocked"));
        assertThat(dsl.fetchCount(COMPILED_REVISION, COMPILED_REVISION.JURISDICTION_SLUG.eq("pub-city")))
                .isZero();
    }

    @Test
    void theOfficePrintsTheDraftWithItsNarrativeMarkedAsADraftOnEveryPage() throws Exception {
        mvc.perform(narrative(NARRATIVE, "\"c0\"")).andExpect(status().isOk());

        byte[] pdf = mvc.perform(
                        get("/api/office/compiled.pdf?year=2021&scope=own").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper text = new PDFTextStripper();
            assertThat(text.getText(document).replaceAll("\\s+", "")).contains("全市共新收政府信息公开申请5件");
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(document).replaceAll("\\s+", ""))
                        .as("page %d", page)
                        .contains("草稿·未发布");
            }
        }
    }

    @Test
    void publishedOnThePortalAndCorrectedAsANewRevisionThatKeepsTheFirst() throws Exception {
        mvc.perform(narrative(NARRATIVE, "\"c0\"")).andExpect(status().isOk());
        mvc.perform(publication("\"c1\"", null))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/public/pub-city/compiled/2021/own"))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.correction").value(false));

        String page = page("/public/pub-city/compiled/2021/own");
        assertThat(page)
                .contains(
                        "本级政府年度报告", "全市共新收政府信息公开申请5件", "第1版", "发布市教育局（第1版）", "/public/pub-city/compiled/2021/own.pdf");
        assertThat(page("/public/pub-city")).contains("href=\"/public/pub-city/compiled/2021/own\"");
        byte[] pdf = mvc.perform(get("/public/pub-city/compiled/2021/own.pdf"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] csv = mvc.perform(get("/public/pub-city/compiled/2021/own.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("全市共新收政府信息公开申请5件");
        mvc.perform(get("/public/pub-city/compiled/2021/city")).andExpect(status().isNotFound());

        // Publishing again is a correction: it needs its reason, and the first revision stays as it was.
        mvc.perform(narrative(NARRATIVE.replace("均已办结", "均已按期办结"), "\"c1\"")).andExpect(status().isOk());
        mvc.perform(publication("\"c2\"", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("compiled.reason.required"));
        mvc.perform(publication("\"c1\"", "{\"reason\": \"补充办结情况\"}")).andExpect(status().isConflict());
        mvc.perform(publication("\"c2\"", "{\"reason\": \"补充办结情况\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(2))
                .andExpect(jsonPath("$.correction").value(true));
        mvc.perform(get("/api/office/compiled?year=2021&scope=own").with(officeOf(office)))
                .andExpect(jsonPath("$.publications.length()").value(2))
                .andExpect(jsonPath("$.publications[1].reason").value("补充办结情况"))
                .andExpect(jsonPath("$.publicPath").value("/public/pub-city/compiled/2021/own"));

        assertThat(page("/public/pub-city/compiled/2021/own")).contains("均已按期办结", "第2版", "（更正）", "补充办结情况");
        assertThat(page("/public/pub-city/compiled/2021/own/revisions/1"))
                .contains("均已办结", "此为第1版，已被更正")
                .doesNotContain("均已按期办结");
        // Never changed once written.
        assertThatThrownBy(() -> dsl.update(COMPILED_REVISION)
                        .set(COMPILED_REVISION.REASON, "改写")
                        .execute())
                .hasMessageContaining("never changed");
    }

    @Test
    void theEnglishPageSaysInEnglishWhyEachAgencyIsNotIncluded() throws Exception {
        events.published(
                audit,
                2021,
                CanonicalJson.write(
                        Reports.report("发布市审计局", 2020, 4).toBuilder().year(2021).build()),
                Reports.beijing(2022, 1, 21));
        events.pump();
        mvc.perform(narrative(NARRATIVE, "\"c0\"")).andExpect(status().isOk());
        mvc.perform(publication("\"c1\"", null)).andExpect(status().isCreated());

        String chinese = page("/public/pub-city/compiled/2021/own");
        assertThat(notIncluded(chinese)).containsEntry("发布市统计局", "未发布").containsEntry("发布市审计局", "报告格式不同");
        String english = page("/public/pub-city/compiled/2021/own?lang=en");
        Map<String, String> reasons = notIncluded(english);
        assertThat(reasons)
                .containsEntry("发布市统计局", "Not published")
                .containsEntry("发布市审计局", "Follows another national form");
        // Agency names are proper nouns and stay Chinese; the words around them are the reader's language.
        assertThat(reasons.values()).noneMatch(reason -> HAN.matcher(reason).find());
        assertThat(english)
                .contains("发布市教育局 (revision 1)", "2 agencies, listed below")
                .doesNotContain("（第1版）");
        // The scope in the words of the portal's bundle, as the jurisdiction page names it.
        assertThat(chinese).contains("本级政府年度报告").doesNotContain("compiled.scope");
        assertThat(english).contains("The government&#39;s own report").doesNotContain("本级政府年度报告");
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern NOT_INCLUDED =
            Pattern.compile("<tr><th scope=\"row\">([^<]*)</th><td>[^<]*</td><td class=\"reason\">([^<]*)</td></tr>");

    /** The table of agencies not included: each agency's name and the reason given. */
    private static Map<String, String> notIncluded(String page) {
        int table = page.indexOf("<table id=\"missing\">");
        Map<String, String> reasons = new LinkedHashMap<>();
        if (table >= 0) {
            Matcher row = NOT_INCLUDED.matcher(page.substring(table, page.indexOf("</table>", table)));
            while (row.find()) {
                reasons.put(row.group(1), row.group(2));
            }
        }
        return reasons;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder narrative(
            String body, String ifMatch) {
        var request = put("/api/office/compiled/narrative?year=2021&scope=own")
                .with(officeOf(office))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder publication(
            String ifMatch, String body) {
        var request = post("/api/office/compiled/publications?year=2021&scope=own")
                .with(officeOf(office))
                .header(HttpHeaders.IF_MATCH, ifMatch);
        return body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
