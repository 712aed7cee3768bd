package dev.gongkai.platform.agency;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY_MEMBERSHIP;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * The roles each person holds in each agency, from {@code core.agency_membership}: the one source of agency and
 * office roles (Keycloak's realm roles carry only {@code platform-admin}). Read once per request by the tenancy
 * filter and kept for a short while per user, so a change made by another instance takes effect within
 * {@code ttl}; the instance that makes a change forgets the user at once ({@link #forget}).
 */
public class Memberships {

    private final DSLContext dsl;
    private final Cache<String, Map<AgencySlug, Set<String>>> byUser;

    public Memberships(DSLContext dsl, Duration ttl) {
        this.dsl = dsl;
        this.byUser =
                Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
    }

    /** The enabled roles of one user (the token's {@code sub}), by agency; empty when they belong to none. */
    public Map<AgencySlug, Set<String>> of(String userId) {
        return byUser.get(userId, this::load);
    }

    public void forget(String userId) {
        byUser.invalidate(userId);
    }

    private Map<AgencySlug, Set<String>> load(String userId) {
        Map<AgencySlug, Set<String>> roles = new TreeMap<>();
        dsl.select(AGENCY_MEMBERSHIP.AGENCY_SLUG, AGENCY_MEMBERSHIP.ROLE)
                .from(AGENCY_MEMBERSHIP)
                .where(AGENCY_MEMBERSHIP.USER_ID.eq(userId).and(AGENCY_MEMBERSHIP.ENABLED))
                .forEach(r -> roles.computeIfAbsent(new AgencySlug(r.value1()), k -> new TreeSet<>())
                        .add(r.value2()));
        roles.replaceAll((agency, set) -> Set.copyOf(set));
        return Map.copyOf(roles);
    }
}
