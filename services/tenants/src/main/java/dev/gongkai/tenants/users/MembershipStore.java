package dev.gongkai.tenants.users;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY_MEMBERSHIP;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Memberships;
import dev.gongkai.platform.security.Roles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code core.agency_membership}, the registry of who holds which role in which agency (every service reads
 * it through the platform's {@link Memberships}). Each change makes this instance forget the user's cached roles;
 * other instances follow within the cache's lifetime.
 */
@Repository
public class MembershipStore {

    private final DSLContext dsl;
    private final Memberships memberships;

    MembershipStore(DSLContext dsl, Memberships memberships) {
        this.dsl = dsl;
        this.memberships = memberships;
    }

    /** One person's roles in one agency, as listed to its administrators. */
    record Member(String userId, String username, Set<String> roles, boolean enabled) {}

    /**
     * Grants {@code roles} in {@code agency} (and nowhere else) to the user.
     *
     * @return true if any role was not held there before
     */
    public boolean grant(String userId, String username, AgencySlug agency, Set<String> roles) {
        int inserted = 0;
        for (String role : roles) {
            inserted += dsl.insertInto(AGENCY_MEMBERSHIP)
                    .set(AGENCY_MEMBERSHIP.USER_ID, userId)
                    .set(AGENCY_MEMBERSHIP.USERNAME, username)
                    .set(AGENCY_MEMBERSHIP.AGENCY_SLUG, agency.value())
                    .set(AGENCY_MEMBERSHIP.ROLE, role)
                    .onConflictDoNothing()
                    .execute();
        }
        memberships.forget(userId);
        return inserted > 0;
    }

    /** The agency's members with their roles there, by username. */
    List<Member> members(AgencySlug agency) {
        Map<String, Member> byUser = new LinkedHashMap<>();
        dsl.selectFrom(AGENCY_MEMBERSHIP)
                .where(AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(agency.value()))
                .orderBy(AGENCY_MEMBERSHIP.USERNAME, AGENCY_MEMBERSHIP.ROLE)
                .forEach(r -> byUser.computeIfAbsent(
                                r.getUserId(), id -> new Member(id, r.getUsername(), new TreeSet<>(), r.getEnabled()))
                        .roles()
                        .add(r.getRole()));
        return byUser.values().stream()
                .map(m -> new Member(m.userId(), m.username(), Set.copyOf(m.roles()), m.enabled()))
                .toList();
    }

    Optional<Member> member(AgencySlug agency, String username) {
        return members(agency).stream()
                .filter(m -> m.username().equalsIgnoreCase(username))
                .findFirst();
    }

    /** @return true if the membership changed */
    boolean setEnabled(AgencySlug agency, String userId, boolean enabled) {
        int changed = dsl.update(AGENCY_MEMBERSHIP)
                .set(AGENCY_MEMBERSHIP.ENABLED, enabled)
                .where(
                        AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(agency.value()),
                        AGENCY_MEMBERSHIP.USER_ID.eq(userId),
                        AGENCY_MEMBERSHIP.ENABLED.ne(enabled))
                .execute();
        memberships.forget(userId);
        return changed > 0;
    }

    /**
     * Makes {@code roles} the user's roles in {@code agency}: the others there are taken away, new ones are held with
     * the membership's current {@code enabled}, so changing a disabled member's roles does not enable them.
     *
     * @return true if any role was added or taken away
     */
    boolean replaceRoles(AgencySlug agency, Member member, Set<String> roles) {
        int changed = dsl.deleteFrom(AGENCY_MEMBERSHIP)
                .where(
                        AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(agency.value()),
                        AGENCY_MEMBERSHIP.USER_ID.eq(member.userId()),
                        AGENCY_MEMBERSHIP.ROLE.notIn(roles))
                .execute();
        for (String role : roles) {
            changed += dsl.insertInto(AGENCY_MEMBERSHIP)
                    .set(AGENCY_MEMBERSHIP.USER_ID, member.userId())
                    .set(AGENCY_MEMBERSHIP.USERNAME, member.username())
                    .set(AGENCY_MEMBERSHIP.AGENCY_SLUG, agency.value())
                    .set(AGENCY_MEMBERSHIP.ROLE, role)
                    .set(AGENCY_MEMBERSHIP.ENABLED, member.enabled())
                    .onConflictDoNothing()
                    .execute();
        }
        memberships.forget(member.userId());
        return changed > 0;
    }

    /** Ends the user's membership of {@code agency}, every role there; their other agencies keep theirs. */
    void remove(AgencySlug agency, String userId) {
        dsl.deleteFrom(AGENCY_MEMBERSHIP)
                .where(AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(agency.value()), AGENCY_MEMBERSHIP.USER_ID.eq(userId))
                .execute();
        memberships.forget(userId);
    }

    /**
     * Whether someone other than {@code userId} holds {@code agency-admin} in {@code agency}, enabled. Locks the
     * agency's admin rows until the transaction ends, so two admins removing each other cannot both pass.
     */
    boolean otherActiveAdmin(AgencySlug agency, String userId) {
        return dsl
                .select(AGENCY_MEMBERSHIP.USER_ID)
                .from(AGENCY_MEMBERSHIP)
                .where(
                        AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(agency.value()),
                        AGENCY_MEMBERSHIP.ROLE.eq(Roles.AGENCY_ADMIN),
                        AGENCY_MEMBERSHIP.ENABLED.isTrue())
                .forUpdate()
                .fetch(AGENCY_MEMBERSHIP.USER_ID)
                .stream()
                .anyMatch(id -> !id.equals(userId));
    }

    /** Forgets the user's cached roles again once a transaction has committed: a read in between saw the old ones. */
    void forget(String userId) {
        memberships.forget(userId);
    }

    /** Whether the user still acts for some agency other than {@code except}. */
    boolean enabledElsewhere(String userId, AgencySlug except) {
        return dsl.fetchExists(
                AGENCY_MEMBERSHIP,
                AGENCY_MEMBERSHIP.USER_ID.eq(userId),
                AGENCY_MEMBERSHIP.AGENCY_SLUG.ne(except.value()),
                AGENCY_MEMBERSHIP.ENABLED.isTrue());
    }
}
