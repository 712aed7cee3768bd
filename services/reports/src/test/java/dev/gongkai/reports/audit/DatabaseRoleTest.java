package dev.gongkai.reports.audit;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.reports.Staff.approver;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.officeAdmin;
import static dev.gongkai.reports.Staff.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports service connects as the DML-only login role (services/platform/README.md, "Database roles"): a
 * compromised service can still write rows as the service does, but PostgreSQL itself refuses it altering or
 * dropping the audit trail, its append-only trigger or the agency's schema, and rewriting audit entries.
 */
@ReportsWebTest
class DatabaseRoleTest {

    /** SQLSTATE insufficient_privilege; the append-only trigger raises it too, so each case also names its text. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @TestTenant(jurisdiction = "city-roles", nameZh = "角色市公安局")
    ManagedAgency agency;

    @TestTenant(jurisdiction = "city-roles", kind = AgencyKind.DISCLOSURE_OFFICE, nameZh = "角色市政务公开办")
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    /** The service's own pool: the connections its requests run on. */
    @Autowired
    DataSource dataSource;

    @Test
    void theServiceConnectsAsTheDmlRoleNotTheOwner(TestDatabase db) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_user, r.rolsuper, r.rolcreaterole, r.rolcreatedb,"
                        + " n.nspowner = r.oid from pg_roles r, pg_namespace n"
                        + " where r.rolname = current_user and n.nspname = '" + agency.schema() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(db.appUser()).isNotEqualTo(db.user());
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("createrole").isFalse();
            assertThat(rs.getBoolean(4)).as("createdb").isFalse();
            assertThat(rs.getBoolean(5)).as("owns the agency's schema").isFalse();
        }
    }

    @Test
    void theServicesNormalWorkSucceedsOnThatRole(TestDatabase db) throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.completePatch(2024, 0)))
                .andExpect(status().isOk());
        transition(editor(agency), "/api/reports/2024/transitions", "request-signoff", "PENDING_SIGNOFF");
        transition(approver(agency), "/api/reports/2024/transitions", "submit", "SUBMITTED");
        String officePath = "/api/office/reports/" + agency.slug() + "/2024/transitions";
        transition(reviewer(office), officePath, "approve", "APPROVED");
        transition(officeAdmin(office), officePath, "publish", "PUBLISHED");

        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entries").value(org.hamcrest.Matchers.greaterThanOrEqualTo(6)));
        assertThat(db.dsl()
                        .fetchCount(
                                OUTBOX,
                                OUTBOX.AGGREGATE
                                        .eq("report:" + agency.slug() + ":2024")
                                        .and(OUTBOX.TYPE.eq("ReportPublished"))))
                .isEqualTo(1);
    }

    @Test
    void postgresRefusesTheRoleAlteringDroppingOrRewritingTheAuditTrailAndTheSchema() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2025}"))
                .andExpect(status().isCreated());
        String audit = '"' + agency.schema() + "\".audit_entry";
        String schema = '"' + agency.schema() + '"';
        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c, "select count(*) from " + audit))
                    .as("the role reads the trail")
                    .isEqualTo(1);

            refused(c, "alter table " + audit + " add column forged text", "must be owner of table audit_entry");
            refused(c, "drop trigger audit_entry_append_only on " + audit, "must be owner of relation audit_entry");
            refused(c, "alter table " + audit + " disable trigger all", "must be owner of table audit_entry");
            refused(c, "truncate " + audit, "permission denied for table audit_entry");
            refused(c, "delete from " + audit, "permission denied for table audit_entry");
            refused(c, "update " + audit + " set actor = 'someone-else'", "permission denied for table audit_entry");
            refused(c, "drop table " + audit, "must be owner of table audit_entry");
            refused(c, "drop schema " + schema + " cascade", "must be owner of schema " + agency.schema());
            refused(
                    c,
                    "create table " + schema + ".forged (id int)",
                    "permission denied for schema " + agency.schema());
            refused(c, "drop table core.audit_checkpoint", "must be owner of table audit_checkpoint");
            refused(c, "truncate core.outbox", "permission denied for table outbox");
            refused(c, "create schema forged", "permission denied for database");

            assertThat(count(c, "select count(*) from " + audit))
                    .as("nothing was lost")
                    .isEqualTo(1);
        }
    }

    private void transition(
            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .JwtRequestPostProcessor
                    who,
            String path,
            String action,
            String status)
            throws Exception {
        mvc.perform(post(path)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"" + action + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(status));
    }

    private static void refused(Connection c, String sql, String message) {
        assertThatThrownBy(() -> {
                    try (Statement st = c.createStatement()) {
                        st.execute(sql);
                    }
                })
                .as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).as(sql).isEqualTo(INSUFFICIENT_PRIVILEGE);
                    assertThat(e.getMessage()).as(sql).contains(message);
                });
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
