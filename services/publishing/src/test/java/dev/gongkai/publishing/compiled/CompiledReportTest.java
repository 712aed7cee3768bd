package dev.gongkai.publishing.compiled;

import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

    @TestTenant(jurisdiction = "sum-other", nameZh = "他市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency otherOffice;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @BeforeEach
    void publish() {
        events.published(office, 2021, Reports.json("汇总市人民政府办公室", 2021, 1), Reports.beijing(2022, 3, 20));
        events.published(education, 2021, Reports.json("汇总市教育局", 2021, 2), Reports.beijing(2022, 1, 19));
        events.published(finance, 2021, Reports.json("汇总市财政局", 2021, 3), Reports.beijing(2022, 1, 20));
        events.published(education, 2020, Reports.json("汇总市教育局", 2020, 4), Reports.beijing(2021, 1, 19));
        events.published(finance, 2020, Reports.json("汇总市财政局", 2020, 5), Reports.beijing(2021, 1, 20));
        events.status(unpublished, 2021, "create", "DRAFT", Reports.beijing(2022, 1, 3));
        events.pump();
    }

    @Test
    void sumsEveryPublishedAgencyOfTheCityAsAnAppendixAndListsWhoIsMissing() throws Exception {
        mvc.perform(get("/api/office/compiled").param("year", "2021").param("scope", "city").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("city"))
                .andExpect(jsonPath("$.appendix").value(true))
                .andExpect(jsonPath("$.format").value("2021"))
                .andExpect(jsonPath("$.included", hasSize(3)))
                .andExpect(jsonPath("$.missing", hasSize(1)))
                .andExpect(jsonPath("$.missing[0].agency").value(unpublished.slug().value()))
                .andExpect(jsonPath("$.missing[0].reason").value("not-published"))
                .andExpect(jsonPath("$.missing[0].status").value("DRAFT"))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").value(6))
                .andExpect(jsonPath("$.report.cells['s2.normativeDocuments.issued']").value(57))
                .andExpect(jsonPath("$.report.cells['s2.fees.amount']").value("3.75"))
                // Every agency left 行政复议 其他结果 blank: a blank is not a zero, so the sum stays blank.
                .andExpect(jsonPath("$.report.blank", hasItem("s4.review.other")))
                .andExpect(jsonPath("$.incompleteCells['s4.review.other']", hasSize(3)))
                .andExpect(jsonPath("$.report.agency").value("测试辖区 sum-city（全市汇总）"))
                // Checked by the same rules: the sums add up; the narratives are still the office's to write.
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("S3_BALANCE"))))
                // 2020 lacks the office's own report: no like-for-like year before, so no cross-year findings.
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("CARRY_OVER_MATCH"))))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("NARRATIVE_MISSING")));
    }

    @Test
    void theOwnScopeHoldsOnlyTheOfficesOwnReport() throws Exception {
        mvc.perform(get("/api/office/compiled").param("year", "2021").param("scope", "own").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopeZh").value("本级"))
                .andExpect(jsonPath("$.appendix").value(false))
                .andExpect(jsonPath("$.included", hasSize(1)))
                .andExpect(jsonPath("$.included[0].agency").value(office.slug().value()))
                .andExpect(jsonPath("$.missing", hasSize(0)))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").value(1));
    }

    @Test
    void sumsYearsOfThe2019FormatInTheirOwnKeys() throws Exception {
        mvc.perform(get("/api/office/compiled").param("year", "2020").param("scope", "city").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("2019"))
                .andExpect(jsonPath("$.included", hasSize(2)))
                .andExpect(jsonPath("$.report.cells['s2v2019.licensing.decisions']").value(0))
                .andExpect(jsonPath("$.report.cells['s3.otherHandling.total']").value(0))
                .andExpect(jsonPath("$.report.cells['s3.received.total']").value(9));
    }

    @Test
    void rendersTheDraftAsHtmlAndCsvWithItsScope() throws Exception {
        String html = mvc.perform(get("/api/office/compiled.html").param("year", "2021").param("scope", "city")
                        .with(officeOf(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("汇总范围：全市汇总（附件）").contains("作为政府年度报告的附件").contains("汇总市卫健委（未发布）")
                .contains("<table");
        byte[] csv = mvc.perform(get("/api/office/compiled.csv").param("year", "2021").param("scope", "own")
                        .with(officeOf(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("s3.received.total");
    }

    @Test
    void requiresAnExplicitScopeAndAnOfficeOfTheJurisdiction() throws Exception {
        mvc.perform(get("/api/office/compiled").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("compiled.scope.invalid"));
        mvc.perform(get("/api/office/compiled").param("year", "2021").param("scope", "city").with(editorOf(education)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/office/compiled").param("year", "2021").param("scope", "city").with(officeOf(otherOffice)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.included", hasSize(0)))
                .andExpect(jsonPath("$.missing", hasSize(1)));
        mvc.perform(get("/api/office/compiled").param("year", "2021").param("scope", "city")
                .param("jurisdiction", "sum-city").with(officeOf(otherOffice))).andExpect(status().isNotFound());
    }
}
