package dev.gongkai.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The publishing service (the one the public reaches) connects as the DML-only login role
 * (services/platform/README.md, "Database roles"): it applies a publication, and PostgreSQL refuses it altering,
 * emptying or dropping what the public reads.
 */
@PublishingTest
class DatabaseRoleTest {

    @TestTenant(jurisdiction = "roles-city", nameZh = "角色测试局")
    ManagedAgency agency;

    @Autowired
    Events events;

    @Autowired
    PublishedRevisions revisions;

    /** The service's own pool. */
    @Autowired
    DataSource dataSource;

    @Test
    void aPublicationIsAppliedOnTheDmlRoleWhichCannotAlterOrDropWhatThePublicReads(TestDatabase db) throws Exception {
        events.write(
                agency, events.published(agency, 2024, Reports.json("角色测试局", 2024, 7), Reports.beijing(2025, 1, 20)));
        events.pump();
        assertThat(revisions.current(agency.slug(), 2024)).isPresent();

        String revisionsTable = '"' + agency.schema() + "\".published_revision";
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "select current_user, rolsuper from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(db.appUser()).isNotEqualTo(db.user());
                assertThat(rs.getBoolean(2)).isFalse();
            }
            refused(c, "truncate " + revisionsTable, "permission denied for table published_revision");
            refused(
                    c,
                    "alter table " + revisionsTable + " add column forged text",
                    "must be owner of table published_revision");
            refused(c, "drop schema \"" + agency.schema() + "\" cascade", "must be owner of schema " + agency.schema());
            refused(c, "drop table core.publication", "must be owner of table publication");
        }
        assertThat(revisions.current(agency.slug(), 2024)).isPresent();
    }

    private static void refused(Connection c, String sql, String message) {
        assertThatThrownBy(() -> {
                    try (Statement st = c.createStatement()) {
                        st.execute(sql);
                    }
                })
                .as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).as(sql).isEqualTo("42501");
                    assertThat(e.getMessage()).as(sql).contains(message);
                });
    }
}
