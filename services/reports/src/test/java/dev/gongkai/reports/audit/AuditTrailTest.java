package dev.gongkai.reports.audit;

import static dev.gongkai.reports.Staff.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ReportsWebTest
class AuditTrailTest {

    @TestTenant
    ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    private void editSomething() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.patch(Map.of("s3.received.total", 5))))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.patch(Map.of("s3.received.total", 6))))
                .andExpect(status().isOk());
    }

    @Test
    void recordsEveryCellChangeWithWhoAndTheValueBefore() throws Exception {
        editSomething();
        mvc.perform(get("/api/reports/2024/audit").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].action").value("report.create"))
                .andExpect(jsonPath("$[2].action").value("report.edit"))
                .andExpect(jsonPath("$[2].actor").value("editor-" + agency.slug()))
                .andExpect(jsonPath("$[2].before.cells['s3.received.total']").value(5))
                .andExpect(jsonPath("$[2].after.cells['s3.received.total']").value(6));
        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entries").value(3));
    }

    @Test
    void detectsAnEntryAlteredBehindTheServicesBack() throws Exception {
        editSomething();
        long second = agency.dsl()
                .fetchValue(DSL.field(
                        "(select min(id) + 1 from {0})",
                        Long.class, DSL.table(DSL.name(agency.schema(), "audit_entry"))));
        asSuperuserPastTheTrigger("update \"" + agency.schema() + "\".\"audit_entry\" set \"after\" = "
                + "jsonb_set(\"after\", '{cells,s3.received.total}', '50') where id = " + second);

        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.brokenAt").value(second))
                .andExpect(jsonPath("$.problem").value("content"));
    }

    @Test
    void concurrentWritersOfOneAgencyNeverForkTheChain() throws Exception {
        for (int year : new int[] {2023, 2024}) {
            mvc.perform(post("/api/reports")
                            .with(editor(agency))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"year\":" + year + "}"))
                    .andExpect(status().isCreated());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var writers = java.util.stream.IntStream.of(2023, 2024)
                    .mapToObj(year -> pool.submit(() -> {
                        for (int revision = 1; revision <= 10; revision++) {
                            mvc.perform(patch("/api/reports/" + year)
                                            .with(editor(agency))
                                            .header("If-Match", "\"r" + revision + "\"")
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .content(Reports.patch(Map.of("s3.received.total", revision))))
                                    .andExpect(status().isOk());
                        }
                        return null;
                    }))
                    .toList();
            for (var writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entries").value(22));
    }

    @Test
    void detectsADeletedEntry() throws Exception {
        editSomething();
        asSuperuserPastTheTrigger("delete from \"" + agency.schema() + "\".\"audit_entry\" where id = "
                + "(select min(id) + 1 from \"" + agency.schema() + "\".\"audit_entry\")");
        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.problem").value("link"));
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateAuditEntries() throws Exception {
        editSomething();
        String table = "\"" + agency.schema() + "\".\"audit_entry\"";
        // Even this test's superuser connection: the trigger holds for every role that leaves triggers on.
        for (String sql : new String[] {
            "update " + table + " set actor = 'someone-else'",
            "delete from " + table + " where id = (select max(id) from " + table + ")",
            "truncate " + table
        }) {
            assertThatThrownBy(() -> agency.dsl().execute(sql)).hasMessageContaining("append-only");
        }
        assertThat(agency.dsl().fetchCount(DSL.table(DSL.name(agency.schema(), "audit_entry"))))
                .isEqualTo(3);
        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.anchoredAt").isNumber());
    }

    @Test
    void detectsTheNewestEntriesDeletedAgainstTheCheckpoint() throws Exception {
        editSomething();
        String table = "\"" + agency.schema() + "\".\"audit_entry\"";
        long newest = agency.dsl().fetchValue(DSL.field("(select max(id) from " + table + ")", Long.class));
        // The remaining chain links perfectly: only the anchor outside the agency's schema shows the cut.
        asSuperuserPastTheTrigger("delete from " + table + " where id >= " + (newest - 1));

        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.entries").value(1))
                .andExpect(jsonPath("$.problem").value("truncated"))
                .andExpect(jsonPath("$.brokenAt").value(newest))
                .andExpect(jsonPath("$.anchoredAt").value(newest))
                .andExpect(jsonPath("$.message_en")
                        .value(org.hamcrest.Matchers.containsString("newest entries were deleted")));
    }

    @Test
    void aCheckpointMovedBackWithoutTheKeyIsReported() throws Exception {
        editSomething();
        String table = "\"" + agency.schema() + "\".\"audit_entry\"";
        long newest = agency.dsl().fetchValue(DSL.field("(select max(id) from " + table + ")", Long.class));
        asSuperuserPastTheTrigger("delete from " + table + " where id = " + newest);
        // Whoever deleted the entry also points the anchor at the new head, but cannot sign it.
        agency.dsl()
                .execute(
                        "update core.audit_checkpoint set entry_id = e.id, entry_hash = e.hash from " + table
                                + " e where e.id = " + (newest - 1) + " and agency_slug = ?",
                        agency.slug().value());

        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.problem").value("checkpoint"));
    }

    private void asSuperuserPastTheTrigger(String sql) {
        agency.dsl().transaction(tx -> {
            if (TestDatabase.shared().onCitus()) {
                // The rows live on a worker, and Citus passes SET LOCAL on to the workers' connections only when
                // told to: without it the trigger there still fires.
                tx.dsl().execute("set local citus.propagate_set_commands = 'local'");
            }
            tx.dsl().execute("set local session_replication_role = replica");
            tx.dsl().execute(sql);
        });
    }
}
