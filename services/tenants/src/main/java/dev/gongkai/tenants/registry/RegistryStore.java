package dev.gongkai.tenants.registry;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.platform.jooq.core.Tables.PROVISIONING_STEP;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.JurisdictionSlug;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Writes to the registry in schema {@code core} (reads go through the platform's AgencyRegistry). */
@Repository
public class RegistryStore {

    private final DSLContext dsl;

    RegistryStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @return true if inserted now, false if it already existed */
    public boolean insertJurisdiction(JurisdictionSlug slug, String nameZh, JurisdictionSlug parent) {
        return dsl.insertInto(JURISDICTION)
                        .set(JURISDICTION.SLUG, slug.value())
                        .set(JURISDICTION.NAME_ZH, nameZh)
                        .set(JURISDICTION.PARENT_SLUG, parent == null ? null : parent.value())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** @return true if inserted now, false if an agency with this slug already existed */
    public boolean insertAgency(
            AgencySlug slug, String nameZh, AgencyKind kind, AgencySlug parent, JurisdictionSlug jurisdiction) {
        return dsl.insertInto(AGENCY)
                        .set(AGENCY.SLUG, slug.value())
                        .set(AGENCY.NAME_ZH, nameZh)
                        .set(AGENCY.KIND, kind)
                        .set(AGENCY.PARENT_SLUG, parent == null ? null : parent.value())
                        .set(AGENCY.JURISDICTION_SLUG, jurisdiction.value())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** @return true if the status changed */
    public boolean setStatus(AgencySlug slug, AgencyStatus status) {
        return dsl.update(AGENCY)
                        .set(AGENCY.STATUS, status)
                        .set(AGENCY.UPDATED_AT, OffsetDateTime.now())
                        .where(AGENCY.SLUG.eq(slug.value()).and(AGENCY.STATUS.ne(status)))
                        .execute()
                == 1;
    }

    /** @return true if the flag changed */
    public boolean setBranchUsersDelegated(AgencySlug slug, boolean delegated) {
        return dsl.update(AGENCY)
                        .set(AGENCY.BRANCH_USERS_DELEGATED, delegated)
                        .set(AGENCY.UPDATED_AT, OffsetDateTime.now())
                        .where(AGENCY.SLUG.eq(slug.value()).and(AGENCY.BRANCH_USERS_DELEGATED.ne(delegated)))
                        .execute()
                == 1;
    }

    /** Whether the agency's admins manage the users of the agencies below it. */
    public boolean branchUsersDelegated(AgencySlug slug) {
        return dsl.fetchExists(AGENCY, AGENCY.SLUG.eq(slug.value()), AGENCY.BRANCH_USERS_DELEGATED.isTrue());
    }

    /** Every agency whose admins manage the users of the agencies below it. */
    Set<AgencySlug> branchUsersDelegated() {
        return dsl.select(AGENCY.SLUG)
                .from(AGENCY)
                .where(AGENCY.BRANCH_USERS_DELEGATED.isTrue())
                .fetchSet(r -> new AgencySlug(r.value1()));
    }

    /** @return true if recorded now */
    public boolean recordStep(AgencySlug slug, String step) {
        return dsl.insertInto(PROVISIONING_STEP)
                        .set(PROVISIONING_STEP.AGENCY_SLUG, slug.value())
                        .set(PROVISIONING_STEP.STEP, step)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Agencies whose schema has been created, i.e. those {@code migrate-all} must keep current. */
    public List<AgencySlug> agenciesWithSchema(String createSchemaStep) {
        return dsl.select(PROVISIONING_STEP.AGENCY_SLUG)
                .from(PROVISIONING_STEP)
                .where(PROVISIONING_STEP.STEP.eq(createSchemaStep))
                .orderBy(PROVISIONING_STEP.AGENCY_SLUG)
                .fetch(r -> new AgencySlug(r.value1()));
    }

    public static boolean sameAgency(
            Agency existing, String nameZh, AgencyKind kind, AgencySlug parent, JurisdictionSlug jurisdiction) {
        return existing.nameZh().equals(nameZh)
                && existing.kind() == kind
                && java.util.Objects.equals(existing.parent(), parent)
                && existing.jurisdiction().equals(jurisdiction);
    }

    static Set<String> names(List<AgencySlug> slugs) {
        return slugs.stream().map(AgencySlug::value).collect(Collectors.toSet());
    }
}
