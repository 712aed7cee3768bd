package dev.gongkai.tenants.registry;

import static dev.gongkai.platform.jooq.agency_template.Tables.REPORT;
import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@TenantsWebTest
class AgencyLifecycleTest {

    @TestTenant
    ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    @Test
    void aSuspendedAgencyIsRefusedUntilActivatedAgain() throws Exception {
        mvc.perform(post("/api/agencies/" + agency.slug() + "/suspend").with(platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));

        mvc.perform(get("/api/agencies/me").with(editorOf(agency)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("agency.suspended"))
                .andExpect(jsonPath("$.message_zh").exists());
        mvc.perform(get("/api/agencies/" + agency.slug()).with(editorOf(agency)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/agencies/" + agency.slug() + "/activate").with(platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/agencies/me").with(editorOf(agency))).andExpect(status().isOk());
    }

    @Test
    void archivingRefusesTheAgencyButKeepsItsData(TestDatabase db) throws Exception {
        agency.dsl()
                .insertInto(REPORT)
                .set(REPORT.YEAR, 2024)
                .set(REPORT.FORMAT, "2021")
                .execute();

        mvc.perform(post("/api/agencies/" + agency.slug() + "/archive").with(platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ARCHIVED"));

        mvc.perform(get("/api/agencies/me").with(editorOf(agency)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("agency.archived"));
        assertThat(agency.dsl().fetchCount(REPORT)).isEqualTo(1);
    }

    @Test
    void eachStatusChangeIsAnOutboxEventAndRepeatingItIsNot(TestDatabase db) throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/agencies/" + agency.slug() + "/suspend").with(platformAdmin()))
                    .andExpect(status().isOk());
        }
        assertThat(db.dsl()
                        .fetchCount(
                                OUTBOX,
                                OUTBOX.AGGREGATE
                                        .eq("agency:" + agency.slug())
                                        .and(OUTBOX.TYPE.eq("AgencyStatusChanged"))))
                .isEqualTo(1);
    }

    @Test
    void onlyPlatformAdminsChangeStatus() throws Exception {
        mvc.perform(post("/api/agencies/" + agency.slug() + "/suspend").with(editorOf(agency)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"));
    }

    @Test
    void anUnknownAgencyIsNotFound() throws Exception {
        mvc.perform(post("/api/agencies/no-such-agency/suspend").with(platformAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
    }
}
