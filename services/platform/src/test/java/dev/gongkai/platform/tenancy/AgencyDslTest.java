package dev.gongkai.platform.tenancy;

import static dev.gongkai.platform.jooq.agency_template.Tables.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@GongkaiTest
class AgencyDslTest {

    @TestTenant
    ManagedAgency first;

    @TestTenant
    ManagedAgency second;

    @Test
    void writesOfOneAgencyLandInItsOwnSchemaOnly(TestDatabase db) {
        AgencyDsl dsl = new AgencyDsl(db.dsl());
        insertReport(dsl.of(first.slug()), 2024);

        assertThat(dsl.of(first.slug()).fetchCount(REPORT)).isEqualTo(1);
        assertThat(dsl.of(second.slug()).fetchCount(REPORT)).isZero();
        assertThat(db.dsl().fetchCount(DSL.table(DSL.name(first.schema(), "report"))))
                .isEqualTo(1);
    }

    @Test
    void rendersTheAgencySchemaInsteadOfTheTemplate(TestDatabase db) {
        String sql = new AgencyDsl(db.dsl()).of(first.slug()).selectFrom(REPORT).getSQL();
        assertThat(sql).contains("\"" + first.schema() + "\".\"report\"").doesNotContain("agency_template");
    }

    @Test
    void mapsTheSchemaInsideCommonTableExpressions(TestDatabase db) {
        // jOOQ#12579: make sure render mapping also reaches tables referenced from a CTE.
        DSLContext dsl = new AgencyDsl(db.dsl()).of(first.slug());
        insertReport(dsl, 2023);
        var recent = DSL.name("recent").as(DSL.select(REPORT.YEAR).from(REPORT).where(REPORT.YEAR.ge(2020)));
        var years = dsl.with(recent)
                .select(DSL.field(DSL.name("recent", "year"), Integer.class))
                .from(recent)
                .fetch(0, Integer.class);
        assertThat(years).containsExactly(2023);
    }

    @Test
    void handsOutOneCachedContextPerAgency(TestDatabase db) {
        AgencyDsl dsl = new AgencyDsl(db.dsl());
        assertThat(dsl.of(first.slug())).isSameAs(dsl.of(first.slug())).isNotSameAs(dsl.of(second.slug()));
    }

    @Test
    void leavesTheSearchPathAlone(TestDatabase db) throws Exception {
        try (var connection = db.connect()) {
            DSLContext dsl = new AgencyDsl(DSL.using(connection)).of(first.slug());
            Object before = dsl.fetchValue("show search_path");
            dsl.fetchCount(REPORT);
            assertThat(dsl.fetchValue("show search_path")).isEqualTo(before);
        }
    }

    private static void insertReport(DSLContext dsl, int year) {
        dsl.insertInto(REPORT)
                .set(REPORT.YEAR, year)
                .set(REPORT.FORMAT, "2021")
                .set(REPORT.DOCUMENT, JSONB.valueOf("{}"))
                .execute();
    }
}
