package dev.gongkai.publishing.compiled;

import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PublishingTest
class CompiledReportTest {

    @TestTenant(jurisdiction = "sum-city", nameZh = "汇总市人民政府办公室", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "sum-city", nameZh = "汇总市教育局")
    ManagedAgency education;

    @TestTenant(jurisdiction = "sum-city", nameZh = "汇总市财政局")
    ManagedAgency finance;

    @TestTenant(jurisdiction = "sum-city", nameZh = "汇总市卫健委")
    ManagedAgency unpublished;

    /** A police 分局: its parent is the city's 公安局, but it is registered in the district. */
    @TestTenant(jurisdiction = "sum-district", nameZh = "汇总市公安局某区分局", kind = AgencyKind.POLICE_BRANCH)
    ManagedAgency branch;

    @TestTenant(jurisdiction = "sum-district", nameZh = "某区政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency districtOffice;

    /** Two levels below the city. */
    @TestTenant(jurisdiction = "sum-town", nameZh = "某镇人民政府")
    ManagedAgency town;

    @TestTenant(jurisdiction = "sum-other", nameZh = "他市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency otherOffice;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void publish() {
        dsl.update(JURISDICTION)
                .set(JURISDICTION.PARENT_SLUG, "sum-city")
                .where(JURISDICTION.SLUG.eq("sum-district"))
                .execute();
        dsl.update(JURISDICTION)
                .set(JURISDICTION.PARENT_SLUG, "sum-district")
                .where(JURISDICTION.SLUG.eq("sum-town"))
                .execute();
        events.published(branch, 2021, Reports.json("汇总市公安局某区分局", 2021, 7), Reports.beijing(2022, 1, 21));
        events.published(districtOffice, 2021, Reports.json("某区政务公开办", 2021, 100), Reports.beijing(2022, 3, 1));
        events.published(town, 2021, Reports.json("某镇人民政府", 2021, 11), Reports.beijing(2022, 1, 22));
        events.published(office, 2021, Reports.json("汇总市人民政府办公室", 2021, 1), Reports.beijing(2022, 3, 20));
        events.published(education, 2021, Reports.json("汇总市教育局", 2021, 2), Reports.beijing(2022, 1, 19));
        events.published(finance, 2021, Reports.json("汇总市财政局", 2021, 3), Reports.beijing(2022, 1, 20));
        events.published(education, 2020, Reports.json("汇总市教育局", 2020, 4), Reports.beijing(2021, 1, 19));
        events.published(finance, 2020, Reports.json("汇总市财政局", 2020, 5), Reports.beijing(2021, 1, 20));
        events.status(unpublished, 2021, "create", "DRAFT", Reports.beijing(2022, 1, 3));
        events.pump();
    }

    @Test
    void sumsEveryPublishedAgencyOfTheCityAndEveryJurisdictionBelowAsAnAppendixAndListsWhoIsMissing() throws Exception {
        mvc.perform(get("/api/office/compiled")
                        .param("year", "2021")
                        .param("scope", "city")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("city"))
                .andExpect(jsonPath("$.appendix").value(true))
                .andExpect(jsonPath("$.format").value("2021"))
                .andExpect(jsonPath("$.jurisdictionsZh", hasSize(3)))
                // The city's departments, the district's 分局 and the town two levels down; never an office's own
                // report (the city's is the one being compiled; the district's would count its agencies twice).
                .andExpect(jsonPath(
                        "$.included[*].agency",
                        containsInAnyOrder(
                                education.slug().value(),
                                finance.slug().value(),
                                branch.slug().value(),
                                town.slug().value())))
                .andExpect(jsonPath(
                                "$.included[?(@.agency=='%s')].jurisdiction",
                                branch.slug().value())
                        .value("sum-district"))
                .andExpect(jsonPath(
                                "$.included[?(@.agency=='%s')].revision",
                                branch.slug().value())
                        .value(1))
                .andExpect(jsonPath("$.missing", hasSize(1)))
                .andExpect(
                        jsonPath("$.missing[0].agency").value(unpublished.slug().value()))
                .andExpect(jsonPath("$.missing[0].reason").value("not-published"))
                .andExpect(jsonPath("$.missing[0].status").value("DRAFT"))
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").value(2 + 3 + 7 + 11))
                .andExpect(jsonPath("$.report.cells['s2.normativeDocuments.issued']")
                        .value(76))
                .andExpect(jsonPath("$.report.cells['s2.fees.amount']").value("5.00"))
                // Every agency left 行政复议 其他结果 blank: a blank is not a zero, so the sum stays blank, and says
                // whose numbers it lacks.
                .andExpect(jsonPath("$.report.blank", hasItem("s4.review.other")))
                .andExpect(jsonPath("$.incompleteCells['s4.review.other']", hasItem("汇总市公安局某区分局")))
                .andExpect(jsonPath("$.incompleteCells['s4.review.other']", hasSize(4)))
                .andExpect(jsonPath("$.report.agency").value("测试辖区 sum-city（全市汇总）"))
                // Checked by the same rules: the sums add up; the narratives are still the office's to write.
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("S3_BALANCE"))))
                // 2020 lacks the office's own report: no like-for-like year before, so no cross-year findings.
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("CARRY_OVER_MATCH"))))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("NARRATIVE_MISSING")));
    }

    @Test
    void theOwnScopeHoldsEveryAgencyRegisteredInTheCityItself() throws Exception {
        mvc.perform(get("/api/office/compiled")
                        .param("year", "2021")
                        .param("scope", "own")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopeZh").value("本级"))
                .andExpect(jsonPath("$.appendix").value(false))
                .andExpect(jsonPath("$.jurisdictionsZh", hasSize(1)))
                .andExpect(jsonPath(
                        "$.included[*].agency",
                        containsInAnyOrder(
                                education.slug().value(), finance.slug().value())))
                .andExpect(jsonPath(
                        "$.missing[*].agency",
                        containsInAnyOrder(unpublished.slug().value())))
                .andExpect(jsonPath("$.report.agency").value("测试辖区 sum-city（本级）"))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").value(5));
    }

    @Test
    void sumsYearsOfThe2019FormatInTheirOwnKeys() throws Exception {
        mvc.perform(get("/api/office/compiled")
                        .param("year", "2020")
                        .param("scope", "city")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("2019"))
                .andExpect(jsonPath("$.included", hasSize(2)))
                .andExpect(jsonPath("$.missing", hasSize(3)))
                .andExpect(jsonPath("$.report.cells['s2v2019.licensing.decisions']")
                        .value(0))
                .andExpect(jsonPath("$.report.cells['s3.otherHandling.total']").value(0))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").value(9));
    }

    @Test
    void rendersTheDraftAsHtmlAndCsvWithItsScope() throws Exception {
        String html = mvc.perform(get("/api/office/compiled.html")
                        .param("year", "2021")
                        .param("scope", "city")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("汇总范围：全市汇总（附件）")
                .contains("作为政府年度报告的附件")
                .contains("汇总市卫健委（未发布）")
                .contains("汇总不完整")
                .contains("汇总市公安局某区分局（第 1 版）")
                .contains("<table");
        byte[] csv = mvc.perform(get("/api/office/compiled.csv")
                        .param("year", "2021")
                        .param("scope", "own")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .contains("\r\n一、本年新收政府信息公开申请数量 · 总计,")
                .doesNotContain("s3.received.total");
    }

    @Test
    void requiresAnExplicitScopeAndAnOfficeOfTheJurisdiction() throws Exception {
        mvc.perform(get("/api/office/compiled").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("compiled.scope.invalid"));
        mvc.perform(get("/api/office/compiled")
                        .param("year", "2021")
                        .param("scope", "city")
                        .with(editorOf(education)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/office/compiled")
                        .param("year", "2021")
                        .param("scope", "city")
                        .with(officeOf(otherOffice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.included", hasSize(0)))
                .andExpect(jsonPath("$.missing", hasSize(0)));
        mvc.perform(get("/api/office/compiled")
                        .param("year", "2021")
                        .param("scope", "city")
                        .param("jurisdiction", "sum-city")
                        .with(officeOf(otherOffice)))
                .andExpect(status().isNotFound());
    }
}
