package dev.gongkai.publishing.compliance;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PublishingTest
class ComplianceTest {

    @TestTenant(jurisdiction = "comp-city", nameZh = "合规市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "comp-city", nameZh = "合规市教育局")
    ManagedAgency published;

    @TestTenant(jurisdiction = "comp-city", nameZh = "合规市财政局")
    ManagedAgency submitted;

    @TestTenant(jurisdiction = "comp-city", nameZh = "合规市卫健委")
    ManagedAgency silent;

    @TestTenant(jurisdiction = "comp-other", nameZh = "他市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency otherOffice;

    @TestTenant(jurisdiction = "comp-other", nameZh = "他市教育局")
    ManagedAgency otherAgency;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void reports() {
        clock.set(Reports.beijing(2022, 1, 25));
        events.status(published, 2021, "submit", "SUBMITTED", Reports.beijing(2022, 1, 10));
        events.published(published, 2021, Reports.json("合规市教育局", 2021, 2), Reports.beijing(2022, 1, 19));
        events.status(submitted, 2021, "submit", "SUBMITTED", Reports.beijing(2022, 1, 20));
        events.status(otherAgency, 2021, "create", "DRAFT", Reports.beijing(2022, 1, 3));
        events.pump();
    }

    @Test
    void listsEveryAgencyOfTheJurisdictionWithDeadlinesAndDaysLeftAgainstTheClock() throws Exception {
        mvc.perform(get("/api/office/compliance").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies", hasSize(4)))
                .andExpect(jsonPath("$.jurisdictions[0]").value("comp-city"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].status",
                                published.slug().value())
                        .value("PUBLISHED"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].compliance",
                                published.slug().value())
                        .value("ON_TIME"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].websiteUrlMissing",
                                published.slug().value())
                        .value(true))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].publishedAt",
                                published.slug().value())
                        .value("2022-01-19T02:00:00Z"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].status",
                                submitted.slug().value())
                        .value("SUBMITTED"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].daysLeft",
                                submitted.slug().value())
                        .value(6))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].warnings",
                                submitted.slug().value())
                        .value(1))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].status",
                                silent.slug().value())
                        .value("NOT_STARTED"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].deadline",
                                silent.slug().value())
                        .value("2022-01-31"))
                // The office's own (compiled) report is due on 31 March.
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].deadline",
                                office.slug().value())
                        .value("2022-03-31"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].daysLeft",
                                office.slug().value())
                        .value(65))
                .andExpect(jsonPath("$.totals.agencies").value(4))
                .andExpect(jsonPath("$.totals.byStatus.NOT_STARTED").value(2))
                .andExpect(jsonPath("$.totals.byStatus.PUBLISHED").value(1))
                .andExpect(jsonPath("$.totals.byStatus.SUBMITTED").value(1))
                .andExpect(jsonPath("$.totals.websiteUrlMissing").value(1));
    }

    @Test
    void countsDaysLateOnceTheLegalDeadlineHasPassed() throws Exception {
        clock.set(Reports.beijing(2022, 2, 10));
        events.published(submitted, 2021, Reports.json("合规市财政局", 2021, 1), Reports.beijing(2022, 2, 3));
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2021").with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].compliance",
                                submitted.slug().value())
                        .value("LATE"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].daysLate",
                                submitted.slug().value())
                        .value(3))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].compliance",
                                silent.slug().value())
                        .value("OVERDUE"))
                .andExpect(jsonPath(
                                "$.agencies[?(@.agency=='%s')].daysLate",
                                silent.slug().value())
                        .value(10))
                .andExpect(jsonPath("$.totals.byCompliance.OVERDUE").value(1));
    }

    @Test
    void answersFromWhatIsCommittedNowWhateverItComputedBefore() throws Exception {
        clock.set(Reports.beijing(2024, 1, 25));
        String silentRow = "$.agencies[?(@.agency=='" + silent.slug().value() + "')]";
        mvc.perform(get("/api/office/compliance").param("year", "2023").with(officeOf(office)))
                .andExpect(jsonPath(silentRow + ".status").value("NOT_STARTED"))
                .andExpect(jsonPath(silentRow + ".daysLeft").value(6));

        events.status(silent, 2023, "create", "DRAFT", Reports.beijing(2024, 1, 25));
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2023").with(officeOf(office)))
                .andExpect(jsonPath(silentRow + ".status").value("DRAFT"));

        clock.set(Reports.beijing(2024, 1, 26));
        mvc.perform(get("/api/office/compliance").param("year", "2023").with(officeOf(office)))
                .andExpect(jsonPath(silentRow + ".daysLeft").value(5));

        String name = "合规市卫健委";
        dsl.update(AGENCY)
                .set(AGENCY.NAME_ZH, "合规市卫生健康委员会")
                .where(AGENCY.SLUG.eq(silent.slug().value()))
                .execute();
        try {
            mvc.perform(get("/api/office/compliance").param("year", "2023").with(officeOf(office)))
                    .andExpect(jsonPath(silentRow + ".nameZh").value("合规市卫生健康委员会"));
        } finally {
            dsl.update(AGENCY)
                    .set(AGENCY.NAME_ZH, name)
                    .where(AGENCY.SLUG.eq(silent.slug().value()))
                    .execute();
        }
    }

    @Test
    void theCountsAreThoseOfTheReportsLastChangeWhateverCameBefore() throws Exception {
        String row = "$.agencies[?(@.agency=='" + silent.slug().value() + "')]";
        // 乌海市公安局 2021: the empty draft had 37 errors; the import that followed left none and one warning.
        events.status(silent, 2020, "create", "DRAFT", 1, Reports.beijing(2021, 1, 5), 37, 0, 0);
        events.status(silent, 2020, "edit", "DRAFT", 2, Reports.beijing(2021, 1, 6), 0, 1, 1);
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2020").with(officeOf(office)))
                .andExpect(jsonPath(row + ".status").value("DRAFT"))
                .andExpect(jsonPath(row + ".errors").value(0))
                .andExpect(jsonPath(row + ".warnings").value(1))
                .andExpect(jsonPath(row + ".unexplainedWarnings").value(1))
                .andExpect(jsonPath(row + ".revision").value(2));

        // An older change delivered late changes nothing.
        events.status(
                silent, 2020, "edit", "DRAFT", 1, Reports.beijing(2021, 1, 5).plusSeconds(60), 5, 0, 0);
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2020").with(officeOf(office)))
                .andExpect(jsonPath(row + ".errors").value(0))
                .andExpect(jsonPath(row + ".revision").value(2));

        // Explained on submission, published, corrected and edited again: each step's own counts.
        events.status(silent, 2020, "submit", "SUBMITTED", 2, Reports.beijing(2021, 1, 7), 0, 1, 0);
        events.status(silent, 2020, "approve", "APPROVED", 2, Reports.beijing(2021, 1, 8), 0, 1, 0);
        events.published(silent, 2020, Reports.json("合规市卫健委", 2020, 1), Reports.beijing(2021, 1, 9));
        events.status(silent, 2020, "correct", "DRAFT", 3, Reports.beijing(2021, 3, 1), 0, 1, 0);
        events.status(silent, 2020, "edit", "DRAFT", 4, Reports.beijing(2021, 3, 2), 1, 1, 0);
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2020").with(officeOf(office)))
                .andExpect(jsonPath(row + ".status").value("DRAFT"))
                .andExpect(jsonPath(row + ".lastAction").value("edit"))
                .andExpect(jsonPath(row + ".errors").value(1))
                .andExpect(jsonPath(row + ".unexplainedWarnings").value(0))
                .andExpect(jsonPath(row + ".revision").value(4))
                .andExpect(jsonPath(row + ".publishedRevision").value(1));
    }

    @Test
    void anotherJurisdictionsOfficeSeesNoneOfTheseAgencies() throws Exception {
        String body = mvc.perform(
                        get("/api/office/compliance").param("year", "2021").with(officeOf(otherOffice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies", hasSize(2)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains(otherAgency.slug().value())
                .doesNotContain(published.slug().value())
                .doesNotContain(silent.slug().value())
                .doesNotContain("comp-city");
    }

    @Test
    void refusesAgencyStaffAndAnonymousCallers() throws Exception {
        mvc.perform(get("/api/office/compliance").param("year", "2021").with(editorOf(published)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"));
        // An office role without membership of a disclosure office grants nothing.
        mvc.perform(get("/api/office/compliance")
                        .param("year", "2021")
                        .with(token("imposter", List.of(published.slug()), Roles.OFFICE_ADMIN, Roles.OFFICE_REVIEWER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/office/compliance").param("year", "2021")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/office/compliance").with(officeOf(office)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("year.required"));
    }

    @Test
    void exportsCsvWithChineseHeadersAndAByteOrderMark() throws Exception {
        byte[] csv = mvc.perform(get("/api/office/compliance")
                        .param("year", "2021")
                        .accept("text/csv")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).startsWith("辖区,机构标识,机构名称,年度,状态,合规情况");
        assertThat(lines).hasSize(5);
        // The screen's words (the shared labels), never the codes: a report not created is 「未创建」 on both.
        assertThat(text)
                .contains("合规市教育局")
                .contains("按期发布")
                .contains("2022-01-19 10:00")
                .contains("未创建")
                .contains("未到期");
        assertThat(lines.get(1)).startsWith("测试辖区 comp-city,");
        for (String code : List.of("NONE", "NOT_STARTED", "OPEN", "ON_TIME", "PUBLISHED", "SUBMITTED", "DRAFT")) {
            assertThat(text).as("no code " + code).doesNotContainPattern("\\b" + code + "\\b");
        }

        byte[] viaParameter = mvc.perform(get("/api/office/compliance")
                        .param("year", "2021")
                        .param("format", "csv")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(viaParameter).isEqualTo(csv);
    }
}
