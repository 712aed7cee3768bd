package dev.gongkai.platform.testing;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.JurisdictionSlug;
import org.jooq.DSLContext;

/** An agency that a test declared with {@link TestTenant}; see there for its lifecycle. */
public final class ManagedAgency {

    private final TestDatabase database;
    private final AgencySlug slug;
    private final JurisdictionSlug jurisdiction;

    private ManagedAgency(TestDatabase database, AgencySlug slug, JurisdictionSlug jurisdiction) {
        this.database = database;
        this.slug = slug;
        this.jurisdiction = jurisdiction;
    }

    /** An agency registered in {@code core} with its schema migrated, in a database a test made itself. */
    public static ManagedAgency create(
            TestDatabase database,
            AgencySlug slug,
            String nameZh,
            AgencyKind kind,
            JurisdictionSlug jurisdiction,
            AgencyStatus status) {
        DSLContext dsl = database.dsl();
        dsl.insertInto(JURISDICTION)
                .set(JURISDICTION.SLUG, jurisdiction.value())
                .set(JURISDICTION.NAME_ZH, "测试辖区 " + jurisdiction)
                .onConflictDoNothing()
                .execute();
        dsl.insertInto(AGENCY)
                .set(AGENCY.SLUG, slug.value())
                .set(AGENCY.NAME_ZH, nameZh)
                .set(AGENCY.KIND, kind)
                .set(AGENCY.JURISDICTION_SLUG, jurisdiction.value())
                .set(AGENCY.STATUS, status)
                .execute();
        database.migrator().createAgencySchema(slug);
        var result = database.migrator().migrateAgency(slug);
        if (result.failed()) {
            throw new IllegalStateException("Migrating test agency " + slug + " failed: " + result.error());
        }
        return new ManagedAgency(database, slug, jurisdiction);
    }

    public AgencySlug slug() {
        return slug;
    }

    public JurisdictionSlug jurisdiction() {
        return jurisdiction;
    }

    public String schema() {
        return slug.schemaName();
    }

    /** The tenant model mapped to this agency's schema. */
    public DSLContext dsl() {
        return database.dsl(slug);
    }

    public void setStatus(AgencyStatus status) {
        database.dsl()
                .update(AGENCY)
                .set(AGENCY.STATUS, status)
                .where(AGENCY.SLUG.eq(slug.value()))
                .execute();
    }

    void remove() {
        DSLContext dsl = database.dsl();
        dsl.dropSchemaIfExists(slug.schemaName()).cascade().execute();
        dsl.deleteFrom(AGENCY).where(AGENCY.SLUG.eq(slug.value())).execute();
    }
}
