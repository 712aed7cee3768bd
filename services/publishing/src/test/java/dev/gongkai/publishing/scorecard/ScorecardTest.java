package dev.gongkai.publishing.scorecard;

import static dev.gongkai.platform.jooq.core.Tables.SCORECARD_PACK;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.platform.testing.TestTokens;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.TestClock;
import dev.gongkai.report.render.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PublishingTest
class ScorecardTest {

    static final String PACK = """
            {"year": 2021, "base": 10, "line": "2022-01-20", "deductions": [
              {"item": "REPORT_MISSING", "points": 2, "labelZh": "未发布年度报告"},
              {"item": "PUBLISHED_AFTER_LINE", "points": 1, "labelZh": "未按时发布"},
              {"item": "PROBLEMS_COPIED", "points": 0.5, "labelZh": "与上年度重复率大于50%"},
              {"item": "DATA_INCONSISTENT", "points": 0.5, "labelZh": "数据勾稽关系不符"},
              {"item": "WEBSITE_URL_MISSING", "points": 0.5, "labelZh": "未在网站发布"}]}""";

    @TestTenant(jurisdiction = "score-city", nameZh = "评分市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    /** Published after the office's line (but before the legal deadline), s5 as last year, no website URL. */
    @TestTenant(jurisdiction = "score-city", nameZh = "评分市教育局")
    ManagedAgency copier;

    /** Published on time with its URL, but table 三 does not add up. */
    @TestTenant(jurisdiction = "score-city", nameZh = "评分市财政局")
    ManagedAgency miscounter;

    @TestTenant(jurisdiction = "score-city", nameZh = "评分市卫健委")
    ManagedAgency absent;

    @TestTenant(jurisdiction = "score-other", nameZh = "他市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency otherOffice;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    org.jooq.DSLContext dsl;

    @BeforeEach
    void publish() throws Exception {
        // Jurisdictions outlive the test's agencies: start every test without a configured pack.
        dsl.deleteFrom(SCORECARD_PACK)
                .where(SCORECARD_PACK.JURISDICTION_SLUG.in("score-city", "score-other"))
                .execute();
        clock.set(Reports.beijing(2022, 2, 15));
        events.published(copier, 2020, Reports.json("评分市教育局", 2020, 1), Reports.beijing(2021, 1, 20));
        events.published(copier, 2021, Reports.json("评分市教育局", 2021, 2), Reports.beijing(2022, 1, 25));
        String wrong = CanonicalJson.write(Reports.report("评分市财政局", 2021, 3).toBuilder()
                .cell("s3.received.total", 99)
                .narrative("s5", "本年度新发现的问题是答复期限把握不准，已组织专题培训。")
                .build());
        events.published(miscounter, 2021, wrong, Reports.beijing(2022, 1, 18));
        events.pump();
        mvc.perform(put("/api/reports/2021/website-url")
                        .with(editorOf(miscounter))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://example.gov.cn/czj/2021.html\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void deductsWhatThePackSaysAndLinksEachDeductionToItsEvidence() throws Exception {
        var wang = TestTokens.named("晓梅", "王", "office-" + office.slug(), List.of(office.slug()), Roles.OFFICE_ADMIN);
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(wang)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defaults").value(false))
                .andExpect(jsonPath("$.line").value("2022-01-20"))
                .andExpect(jsonPath("$.updatedByName").value("王晓梅"))
                .andExpect(jsonPath("$.updatedByAgency").value("测试辖区 score-city政务公开办"));
        mvc.perform(get("/api/office/scorecard-pack").param("year", "2021").with(officeOf(office)))
                .andExpect(jsonPath("$.updatedByName").value("王晓梅"))
                .andExpect(jsonPath("$.updatedByAgency").value("测试辖区 score-city政务公开办"));

        String c = copier.slug().value();
        String m = miscounter.slug().value();
        String a = absent.slug().value();
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies", hasSize(4)))
                .andExpect(jsonPath("$.pack.base").value(10))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].score", c).value(8.0))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].deductions[*].item", c)
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "PUBLISHED_AFTER_LINE", "PROBLEMS_COPIED", "WEBSITE_URL_MISSING")))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].deductions[?(@.item=='PUBLISHED_AFTER_LINE')].evidence.line",
                                c)
                        .value("2022-01-20"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].deductions[?(@.item=='PROBLEMS_COPIED')].evidence.findings[0].rule",
                                c)
                        .value("PROBLEMS_COPIED"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].deductions[?(@.item=='PROBLEMS_COPIED')].evidence.previousYear",
                                c)
                        .value(2020))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].deductions[?(@.item=='PROBLEMS_COPIED')].evidence.link",
                                c)
                        .value("/public/score-city/" + c + "/2021"))
                // The legal deadline stays the compliance line: 25 January is on time by law.
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].compliance.compliance", c)
                        .value("ON_TIME"))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].score", m).value(9.5))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].deductions[0].item", m)
                        .value("DATA_INCONSISTENT"))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].deductions[0].evidence.findings[*].rule", m)
                        .value(org.hamcrest.Matchers.hasItem("S3_ROW_TOTAL")))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].deductions[0].evidence.findings[0].id", m)
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{12}"))))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].score", a).value(8))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].deductions[0].item", a)
                        .value("REPORT_MISSING"));

        mvc.perform(get("/api/office/compliance").param("year", "2021").with(officeOf(office)))
                .andExpect(
                        jsonPath("$.agencies[?(@.agency=='%s')].compliance", c).value("ON_TIME"));
    }

    @Test
    void scoresWithTheDefaultPackUntilTheOfficeConfiguresOne() throws Exception {
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pack.defaults").value(true))
                .andExpect(jsonPath("$.pack.base").value(100))
                // What a pack may deduct for, by name, for the office to choose from.
                .andExpect(jsonPath("$.items[0].nameZh").value("逾期未发布年度报告"))
                .andExpect(jsonPath("$.items[?(@.item=='CELL_MISSING')].nameZh").value("未填写"))
                // Without a line of its own the pack uses the legal deadline: 25 January is not late.
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].score",
                                copier.slug().value())
                        .value(99.0));
    }

    @Test
    void exportsTheScorecardsAsCsv() throws Exception {
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(officeOf(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK))
                .andExpect(status().isOk());
        byte[] csv = mvc.perform(get("/api/office/scorecards")
                        .param("year", "2021")
                        .param("format", "csv")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(text.lines().toList()).hasSize(5);
        assertThat(text.lines().findFirst().orElseThrow())
                .startsWith("机构标识,机构名称,状态,合规情况,发布日期,法定期限,基础分,扣分合计,得分,扣分：未发布年度报告");
        // Words as the dashboard shows them, never status codes or rule ids.
        assertThat(text)
                .contains("评分市卫健委,未创建,逾期未发布,,2022-01-31,10,2,8,-2")
                .contains("未发布年度报告：时限 2022-01-20 已过，仍未发布（未创建）")
                .doesNotContain("NONE")
                .doesNotContain("OVERDUE")
                .doesNotContain("REPORT_MISSING");
    }

    @Test
    void aDeductionTheOfficeLeftUnlabelledIsNamedByItsItemNeverByItsCode() throws Exception {
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(officeOf(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK.replace(", \"labelZh\": \"未发布年度报告\"", "")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(officeOf(office)))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].deductions[0].labelZh",
                                absent.slug().value())
                        .value("逾期未发布年度报告"));
        String csv = new String(
                mvc.perform(get("/api/office/scorecards")
                                .param("year", "2021")
                                .param("format", "csv")
                                .with(officeOf(office)))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("扣分：逾期未发布年度报告").doesNotContain("REPORT_MISSING");
    }

    @Test
    void aMissingReportIsNotDueUntilTheLineHasPassed() throws Exception {
        String a = absent.slug().value();
        String o = office.slug().value();
        clock.set(Reports.beijing(2022, 1, 10));
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].score", a).value(100))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].notDue", a).value(true))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].deducted", a).value(0));
        String csv = new String(
                mvc.perform(get("/api/office/scorecards")
                                .param("year", "2021")
                                .param("format", "csv")
                                .with(officeOf(office)))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("评分市卫健委,未创建,未到期,,2022-01-31,100,0,100");

        // The office's own line moves the day a missing report starts to count, but not for its own report.
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(officeOf(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK.replace("2022-01-20", "2022-01-05")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(officeOf(office)))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].notDue", a).value(false))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].score", a).value(8))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].deductions[0].evidence.line", a)
                        .value("2022-01-05"))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].notDue", o).value(true));

        clock.set(Reports.beijing(2022, 2, 1));
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(officeOf(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK.replace("\"line\": \"2022-01-20\", ", "")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(officeOf(office)))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].notDue", a).value(false))
                .andExpect(jsonPath("$.agencies[?(@.agency=='%s')].score", a).value(8));
    }

    @Test
    void onlyTheJurisdictionsOfficeAdministratorsChangeThePackAndNobodyElseSeesTheScores() throws Exception {
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(editorOf(copier))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(token("reviewer", List.of(office.slug()), Roles.OFFICE_REVIEWER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(editorOf(copier)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/office/scorecards").param("year", "2021").with(officeOf(otherOffice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies", hasSize(1)))
                .andExpect(jsonPath("$.jurisdiction").value("score-other"));
        mvc.perform(get("/api/office/scorecards")
                        .param("year", "2021")
                        .param("jurisdiction", "score-city")
                        .with(officeOf(otherOffice)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/office/scorecard-pack")
                        .with(officeOf(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PACK.replace("WEBSITE_URL_MISSING", "NICE_FONT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("scorecard.item.unknown"))
                .andExpect(jsonPath("$.field").value(startsWith("deductions[4]")));
    }
}
