package dev.gongkai.platform.agency;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.jooq.core.tables.records.AgencyRecord;
import dev.gongkai.platform.jooq.core.tables.records.JurisdictionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.RecordMapper;

/** Read access to the registry in schema {@code core}, shared by every service. jOOQ records stay in here. */
public class AgencyRegistry {

    static final RecordMapper<AgencyRecord, Agency> TO_AGENCY = r -> new Agency(
            new AgencySlug(r.getSlug()),
            r.getNameZh(),
            r.getKind(),
            r.getParentSlug() == null ? null : new AgencySlug(r.getParentSlug()),
            new JurisdictionSlug(r.getJurisdictionSlug()),
            r.getStatus(),
            r.getCreatedAt(),
            r.getUpdatedAt());

    static final RecordMapper<JurisdictionRecord, Jurisdiction> TO_JURISDICTION = r -> new Jurisdiction(
            new JurisdictionSlug(r.getSlug()),
            r.getNameZh(),
            r.getParentSlug() == null ? null : new JurisdictionSlug(r.getParentSlug()));

    private final DSLContext dsl;

    public AgencyRegistry(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The one answer for an agency that does not exist or must not be revealed: 404, the same for both. */
    public static ApiException notFound(String slug) {
        return new ApiException(ProblemCode.AGENCY_NOT_FOUND, slug);
    }

    public Optional<Agency> find(AgencySlug slug) {
        return dsl.selectFrom(AGENCY).where(AGENCY.SLUG.eq(slug.value())).fetchOptional(TO_AGENCY);
    }

    public List<Agency> all() {
        return dsl.selectFrom(AGENCY).orderBy(AGENCY.SLUG).fetch(TO_AGENCY);
    }

    public List<Agency> inJurisdiction(JurisdictionSlug jurisdiction) {
        return dsl.selectFrom(AGENCY)
                .where(AGENCY.JURISDICTION_SLUG.eq(jurisdiction.value()))
                .orderBy(AGENCY.SLUG)
                .fetch(TO_AGENCY);
    }

    public Optional<Jurisdiction> findJurisdiction(JurisdictionSlug slug) {
        return dsl.selectFrom(JURISDICTION)
                .where(JURISDICTION.SLUG.eq(slug.value()))
                .fetchOptional(TO_JURISDICTION);
    }

    public List<Jurisdiction> jurisdictions() {
        return dsl.selectFrom(JURISDICTION).orderBy(JURISDICTION.SLUG).fetch(TO_JURISDICTION);
    }

    /** The jurisdiction itself, then every jurisdiction below it at any depth (breadth first, by slug). */
    public List<JurisdictionSlug> withDescendants(JurisdictionSlug root) {
        List<Jurisdiction> all = jurisdictions();
        List<JurisdictionSlug> found = new java.util.ArrayList<>(List.of(root));
        for (int i = 0; i < found.size(); i++) {
            JurisdictionSlug parent = found.get(i);
            all.stream()
                    .filter(j -> parent.equals(j.parent()) && !found.contains(j.slug()))
                    .forEach(j -> found.add(j.slug()));
        }
        return found;
    }
}
