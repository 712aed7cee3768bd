package dev.gongkai.tenants.migration;

import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@TenantsWebTest
class SchemaStatesTest {

    @TestTenant
    ManagedAgency tampered;

    @TestTenant
    ManagedAgency untouched;

    @Autowired
    MockMvc mvc;

    @Test
    void aFreshlyMigratedSchemaIsUpToDateWithEveryChangeSetApplied() throws Exception {
        ResultActions answer = migrations().andExpect(jsonPath("$.changeSets").value(greaterThan(0)));

        expect(answer, untouched, "upToDate", true);
        expect(answer, untouched, "applied", changeSets(answer));
        expect(answer, untouched, "pending", 0);
        expect(answer, untouched, "unknown", 0);
        answer.andExpect(jsonPath(state(untouched, "lastChangeSet")).isNotEmpty())
                .andExpect(jsonPath(state(untouched, "lastAppliedAt")).isNotEmpty());
    }

    @Test
    void aChangeSetMissingFromTheHistoryIsPendingForThatAgencyOnly(TestDatabase db) throws Exception {
        db.dsl()
                .execute("delete from \"" + tampered.schema()
                        + "\".databasechangelog where id = 'tenant-3-audit-entry'");

        ResultActions answer = migrations();

        expect(answer, tampered, "upToDate", false);
        expect(answer, tampered, "pending", 1);
        expect(answer, untouched, "upToDate", true);
    }

    @Test
    void aChangeSetTheChangelogDoesNotKnowMakesTheSchemaNotUpToDate(TestDatabase db) throws Exception {
        db.dsl()
                .execute("insert into \"" + tampered.schema() + "\".databasechangelog (id, author, filename, "
                        + "dateexecuted, orderexecuted, exectype, md5sum) values ('fake-from-the-future', 'test', "
                        + "'db/tenant/fake.yaml', now(), 1000, 'EXECUTED', '9:00')");

        ResultActions answer = migrations();

        expect(answer, tampered, "upToDate", false);
        expect(answer, tampered, "unknown", 1);
        expect(answer, tampered, "pending", 0);
        expect(answer, tampered, "lastChangeSet", "fake-from-the-future");
        expect(answer, untouched, "upToDate", true);
    }

    @Test
    void aSchemaWithoutHistoryHasEveryChangeSetPending(TestDatabase db) throws Exception {
        db.dsl().execute("drop schema \"" + tampered.schema() + "\" cascade");

        ResultActions answer = migrations();

        expect(answer, tampered, "applied", 0);
        expect(answer, tampered, "upToDate", false);
        expect(answer, tampered, "pending", changeSets(answer));
    }

    @Test
    void readsEveryAgencyWhenTheSchemasTakeSeveralQueries(TestDatabase db) throws Exception {
        List<String> copies = IntStream.range(0, 60)
                .mapToObj(i -> untouched.slug() + "-copy" + i)
                .toList();
        String behind = copies.get(57);
        // One script, one connection: the test database hands out a new connection per statement.
        db.dsl()
                .execute(copies.stream()
                                .map(slug -> """
                insert into core.agency (slug, name_zh, kind, jurisdiction_slug, status)
                    values ('%1$s', '副本', 'DEPARTMENT', '%2$s', 'ACTIVE');
                create schema "%3$s";
                create table "%3$s".databasechangelog as select * from "%4$s".databasechangelog;
                """.formatted(
                                                slug, untouched.jurisdiction(), schemaOf(slug), untouched.schema()))
                                .collect(Collectors.joining())
                        + "delete from \"" + schemaOf(behind)
                        + "\".databasechangelog where id = 'tenant-3-audit-entry'");
        try {
            ResultActions answer = migrations();

            for (String slug : copies) {
                expect(answer, slug, "upToDate", !slug.equals(behind));
            }
        } finally {
            db.dsl()
                    .execute(copies.stream()
                            .map(slug -> "drop schema \"" + schemaOf(slug)
                                    + "\" cascade; delete from core.agency where slug = '" + slug + "';")
                            .collect(Collectors.joining()));
        }
    }

    @Test
    void isForPlatformAdminsOnly() throws Exception {
        mvc.perform(get("/api/admin/migrations").with(editorOf(untouched))).andExpect(status().isForbidden());
    }

    private ResultActions migrations() throws Exception {
        return mvc.perform(get("/api/admin/migrations").with(platformAdmin())).andExpect(status().isOk());
    }

    private static int changeSets(ResultActions answer) throws Exception {
        return JsonPath.read(answer.andReturn().getResponse().getContentAsString(), "$.changeSets");
    }

    private static void expect(ResultActions answer, ManagedAgency agency, String field, Object value)
            throws Exception {
        expect(answer, agency.slug().value(), field, value);
    }

    private static void expect(ResultActions answer, String agency, String field, Object value) throws Exception {
        answer.andExpect(jsonPath(state(agency, field)).value(value));
    }

    private static String state(ManagedAgency agency, String field) {
        return state(agency.slug().value(), field);
    }

    private static String state(String agency, String field) {
        return "$.states[?(@.agency == '" + agency + "')]." + field;
    }

    private static String schemaOf(String slug) {
        return AgencySlug.of(slug).schemaName();
    }
}
