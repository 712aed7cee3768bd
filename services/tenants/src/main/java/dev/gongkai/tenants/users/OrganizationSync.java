package dev.gongkai.tenants.users;

import static dev.gongkai.platform.jooq.core.Tables.ORGANIZATION_SYNC;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.jooq.core.tables.records.OrganizationSyncRecord;
import dev.gongkai.tenants.keycloak.Organizations;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keycloak's side of a person's removal from an agency, done after the registry's transaction and retried until
 * Keycloak has done it.
 * <p>
 * The registry is the authority (roles live there; an organization grants nothing), so the person loses their roles
 * in the agency when the removal commits, whatever Keycloak does. What is left for Keycloak is to take them out of the
 * agency's organization, so that their next token no longer names it, and to disable their account when they act for
 * no agency any more. That work is a row of {@code core.organization_sync}, written in the removal's transaction: no
 * network call is made while that transaction holds the membership's row locks, and neither a Keycloak outage nor a
 * crash between the commit and the call loses it. The removal tries the row at once, after its commit; a row that
 * failed is tried again by {@link #runDue()} after a backoff that doubles up to an hour.
 * <p>
 * A row is taken with a lease ({@code lease_until}, one statement over rows locked {@code SKIP LOCKED}), so two
 * instances never work on one row at a time, then done outside any transaction. Each step is idempotent (leaving an
 * organization one has left, disabling a disabled account), so a row done twice after a crash changes nothing more.
 */
@Component
class OrganizationSync {

    private static final Logger log = LoggerFactory.getLogger(OrganizationSync.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final DSLContext dsl;
    private final Organizations organizations;
    private final MembershipStore memberships;
    private final Duration retry;
    private final Duration lease;

    OrganizationSync(
            DSLContext dsl,
            Organizations organizations,
            MembershipStore memberships,
            @Value("${gongkai.keycloak.sync.retry:30s}") Duration retry,
            @Value("${gongkai.keycloak.sync.lease:2m}") Duration lease) {
        this.dsl = dsl;
        this.organizations = organizations;
        this.memberships = memberships;
        this.retry = retry;
        this.lease = lease;
    }

    /** Records, in the caller's transaction, that {@code userId} is to leave {@code agency}'s organization. */
    long leave(AgencySlug agency, String userId) {
        return dsl.insertInto(ORGANIZATION_SYNC)
                .set(ORGANIZATION_SYNC.USER_ID, userId)
                .set(ORGANIZATION_SYNC.AGENCY_SLUG, agency.value())
                .returning(ORGANIZATION_SYNC.ID)
                .fetchOne(ORGANIZATION_SYNC.ID);
    }

    /**
     * Tries one row now (after its transaction has committed); false when Keycloak failed, another instance has it
     * or the database could not be reached, in which case the row waits for {@link #runDue()}.
     */
    boolean run(long id) {
        try {
            List<OrganizationSyncRecord> taken = take(ORGANIZATION_SYNC.ID.eq(id));
            return !taken.isEmpty() && attempt(taken.getFirst());
        } catch (DataAccessException e) {
            log.warn("Keycloak's side of removal {} is left for the next run: {}", id, e.getMessage());
            return false;
        }
    }

    /** Tries every row that is due; returns how many Keycloak has done. */
    int runDue() {
        int done = 0;
        for (OrganizationSyncRecord row : take(ORGANIZATION_SYNC.NEXT_ATTEMPT_AT.le(OffsetDateTime.now()))) {
            done += attempt(row) ? 1 : 0;
        }
        return done;
    }

    /** Rows not yet done, for the platform's gauge and the tests. */
    int pending() {
        return dsl.fetchCount(ORGANIZATION_SYNC);
    }

    private List<OrganizationSyncRecord> take(Condition which) {
        OffsetDateTime now = OffsetDateTime.now();
        var free = DSL.select(ORGANIZATION_SYNC.ID)
                .from(ORGANIZATION_SYNC)
                .where(which, ORGANIZATION_SYNC.LEASE_UNTIL.isNull().or(ORGANIZATION_SYNC.LEASE_UNTIL.lt(now)))
                .orderBy(ORGANIZATION_SYNC.ID)
                .limit(100)
                .forUpdate()
                .skipLocked();
        return dsl.update(ORGANIZATION_SYNC)
                .set(ORGANIZATION_SYNC.LEASE_UNTIL, now.plus(lease))
                .where(ORGANIZATION_SYNC.ID.in(free))
                .returning()
                .fetch()
                .sortAsc(ORGANIZATION_SYNC.ID);
    }

    private boolean attempt(OrganizationSyncRecord row) {
        AgencySlug agency = AgencySlug.of(row.getAgencySlug());
        String userId = row.getUserId();
        try {
            organizations.removeMember(agency, userId);
            // Asked now, not at the removal: an agency that took the person on meanwhile keeps their account enabled.
            if (!memberships.enabledElsewhere(userId, agency)) {
                organizations.setAccountEnabled(userId, false);
            }
        } catch (RuntimeException e) {
            int attempts = row.getAttempts() + 1;
            Duration backoff = retry.multipliedBy(1L << Math.min(attempts - 1, 16));
            OffsetDateTime next = OffsetDateTime.now().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
            log.warn(
                    "Keycloak failed to take user {} out of organization {} (attempt {}); trying again at {}: {}",
                    userId,
                    agency,
                    attempts,
                    next,
                    e.toString());
            dsl.update(ORGANIZATION_SYNC)
                    .set(ORGANIZATION_SYNC.ATTEMPTS, attempts)
                    .set(ORGANIZATION_SYNC.NEXT_ATTEMPT_AT, next)
                    .setNull(ORGANIZATION_SYNC.LEASE_UNTIL)
                    .set(ORGANIZATION_SYNC.LAST_ERROR, abbreviate(e.toString()))
                    .where(ORGANIZATION_SYNC.ID.eq(row.getId()))
                    .execute();
            return false;
        }
        dsl.deleteFrom(ORGANIZATION_SYNC)
                .where(ORGANIZATION_SYNC.ID.eq(row.getId()))
                .execute();
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
