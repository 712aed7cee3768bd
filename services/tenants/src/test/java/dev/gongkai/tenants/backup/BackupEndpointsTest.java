package dev.gongkai.tenants.backup;

import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import java.io.ByteArrayInputStream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The platform-admin endpoints over the same export and restore as the commands. */
@TenantsWebTest
class BackupEndpointsTest {

    @TestTenant
    ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    @Test
    void aPlatformAdminDownloadsAnExportAndCannotRestoreItOverTheLiveAgency() throws Exception {
        agency.dsl().execute("insert into \"" + agency.schema() + "\".report (year, format) values (2025, 'gov-2021')");

        MvcResult started = mvc.perform(
                        get("/api/admin/agencies/" + agency.slug().value() + "/export")
                                .with(platformAdmin()))
                .andReturn();
        byte[] zip = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(entries(zip)).contains("manifest.json", "agency/report.csv", "core/agency.csv");
        mvc.perform(post("/api/admin/agencies/restore")
                        .with(platformAdmin())
                        .contentType("application/zip")
                        .content(zip))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("agency.exists"))
                .andExpect(jsonPath("$.message_en").value(org.hamcrest.Matchers.containsString("never overwrites")));
    }

    @Test
    void agencyStaffCannotExport() throws Exception {
        mvc.perform(get("/api/admin/agencies/" + agency.slug().value() + "/export")
                        .with(editorOf(agency)))
                .andExpect(status().isForbidden());
    }

    private static java.util.List<String> entries(byte[] zip) throws Exception {
        var names = new java.util.ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
