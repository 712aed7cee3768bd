package dev.gongkai.publishing.compliance;

import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.TestClock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard through a correction, fed the events the reports service writes for it (publish, correct, submit,
 * approve, publish again): 更正次数 goes from 0 to 1 only when the correction is published, the report reads as
 * published by its first revision while the correction is under way, and a correction after the deadline does not
 * make an on-time report late.
 */
@PublishingTest
class CorrectionComplianceTest {

    @TestTenant(jurisdiction = "corr-city", nameZh = "更正市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "corr-city", nameZh = "更正市教育局")
    ManagedAgency education;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    TestClock.Settable clock;

    @Test
    void countsACorrectionOnceItIsPublishedAndKeepsTheFirstPublicationsTimeliness() throws Exception {
        clock.set(Reports.beijing(2022, 3, 10));
        String row = "$.agencies[?(@.agency=='" + education.slug().value() + "')]";
        events.status(education, 2021, "submit", "SUBMITTED", 2, Reports.beijing(2022, 1, 10), 0, 0, 0);
        events.status(education, 2021, "approve", "APPROVED", 2, Reports.beijing(2022, 1, 12), 0, 0, 0);
        events.published(education, 2021, Reports.json("更正市教育局", 2021, 10), Reports.beijing(2022, 1, 20));
        events.status(education, 2021, "publish", "PUBLISHED", 3, Reports.beijing(2022, 1, 20), 0, 0, 0);
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2021").with(officeOf(office)))
                .andExpect(jsonPath(row + ".status").value("PUBLISHED"))
                .andExpect(jsonPath(row + ".compliance").value("ON_TIME"))
                .andExpect(jsonPath(row + ".publishedRevision").value(1))
                .andExpect(jsonPath(row + ".corrections").value(0));
        assertThat(csvLine()).contains(",已发布,按期发布,").endsWith(",0,3");

        // The office reopens it after the deadline: still published (revision 1) and on time, no correction yet.
        events.status(education, 2021, "correct", "DRAFT", 3, Reports.beijing(2022, 3, 1), 0, 0, 0);
        events.status(education, 2021, "edit", "DRAFT", 4, Reports.beijing(2022, 3, 2), 0, 0, 0);
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2021").with(officeOf(office)))
                .andExpect(jsonPath(row + ".status").value("DRAFT"))
                .andExpect(jsonPath(row + ".lastAction").value("edit"))
                .andExpect(jsonPath(row + ".compliance").value("ON_TIME"))
                .andExpect(jsonPath(row + ".publishedRevision").value(1))
                .andExpect(jsonPath(row + ".corrections").value(0));
        assertThat(csvLine()).contains(",更正中（草稿）,按期发布,").endsWith(",0,4");

        events.status(education, 2021, "submit", "SUBMITTED", 4, Reports.beijing(2022, 3, 3), 0, 0, 0);
        events.status(education, 2021, "approve", "APPROVED", 4, Reports.beijing(2022, 3, 4), 0, 0, 0);
        events.corrected(
                education, 2021, Reports.json("更正市教育局", 2021, 11), Reports.beijing(2022, 3, 5), "表三本年新收申请数量录入错误");
        events.status(education, 2021, "publish", "PUBLISHED", 5, Reports.beijing(2022, 3, 5), 0, 0, 0);
        events.pump();
        mvc.perform(get("/api/office/compliance").param("year", "2021").with(officeOf(office)))
                .andExpect(jsonPath(row + ".status").value("PUBLISHED"))
                .andExpect(jsonPath(row + ".compliance").value("ON_TIME"))
                .andExpect(jsonPath(row + ".publishedRevision").value(2))
                .andExpect(jsonPath(row + ".corrections").value(1));
        assertThat(csvLine()).contains(",已发布,按期发布,").endsWith(",1,5");
    }

    /** The agency's line of the dashboard's CSV, in the words the console shows. */
    private String csvLine() throws Exception {
        byte[] csv = mvc.perform(get("/api/office/compliance")
                        .param("year", "2021")
                        .accept("text/csv")
                        .with(officeOf(office)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new String(csv, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(education.slug().value()))
                .findFirst()
                .orElseThrow();
    }
}
