package dev.gongkai.publishing.portal;

import static dev.gongkai.publishing.Clients.anyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A report the office imported as history says so on its public page; one published through the workflow does not. */
@PublishingTest
class ImportedHistoryPageTest {

    static final String CITY = "history-city";

    @TestTenant(jurisdiction = CITY, nameZh = "乌海市公安局")
    ManagedAgency police;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Test
    void theReportPageMarksImportedHistory() throws Exception {
        events.write(
                police,
                new ReportPublished(
                        UUID.randomUUID().toString(),
                        police.slug().value(),
                        CITY,
                        2021,
                        1,
                        Reports.beijing(2022, 1, 19),
                        "office-admin",
                        false,
                        true,
                        null,
                        Reports.json("乌海市公安局", 2021, 42),
                        1));
        events.published(police, 2022, Reports.json("乌海市公安局", 2022, 43), Reports.beijing(2023, 1, 19));
        events.pump();

        assertThat(page("2021")).contains("历史导入").doesNotContain("imported history");
        assertThat(page("2021?lang=en")).contains("imported history").doesNotContain("历史导入");
        assertThat(page("2022")).doesNotContain("历史导入");
    }

    private String page(String year) throws Exception {
        return mvc.perform(get("/public/" + CITY + "/" + police.slug() + "/" + year)
                        .with(anyone()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
