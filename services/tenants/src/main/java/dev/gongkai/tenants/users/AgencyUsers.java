package dev.gongkai.tenants.users;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.contract.MemberView;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.outbox.Outbox;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.tenants.keycloak.Organizations;
import dev.gongkai.tenants.registry.BranchDelegation;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agency's users: their roles in the agency in the registry ({@code core.agency_membership}), their accounts in
 * Keycloak (members of the agency's Organization). Platform admins manage every agency's users; an
 * {@code agency-admin} of an agency manages that agency's users, and those of the agencies below it when a platform
 * admin has let it ({@link BranchDelegation}); any other agency where they are no admin does not exist for them
 * (404). Nobody hands out the platform-admin role here, and office roles only to the staff of a
 * disclosure office. Disabling someone takes away their roles in this agency; their account is disabled only when
 * they act for no other agency, so one agency cannot lock a person out of another.
 */
@Service
class AgencyUsers {

    private static final Logger log = LoggerFactory.getLogger(AgencyUsers.class);

    private final AgencyRegistry registry;
    private final AgencyAccess access;
    private final Organizations organizations;
    private final MembershipStore memberships;
    private final BranchDelegation delegation;
    private final Outbox outbox;
    private final OrganizationSync organizationSync;
    private final TransactionTemplate tx;

    AgencyUsers(
            AgencyRegistry registry,
            AgencyAccess access,
            Organizations organizations,
            MembershipStore memberships,
            BranchDelegation delegation,
            Outbox outbox,
            OrganizationSync organizationSync,
            TransactionTemplate tx) {
        this.registry = registry;
        this.access = access;
        this.organizations = organizations;
        this.memberships = memberships;
        this.delegation = delegation;
        this.outbox = outbox;
        this.organizationSync = organizationSync;
        this.tx = tx;
    }

    /** A member's roles in one agency were replaced by {@code roles}; {@code by} is who did it. */
    record MemberRolesChanged(String agency, String userId, String username, List<String> roles, String by) {}

    /** A person stopped being a member of one agency; {@code by} is who did it. */
    record MemberRemoved(String agency, String userId, String username, String by) {}

    List<MemberView> list(Caller caller, AgencySlug slug) {
        managed(caller, slug);
        Map<String, Organizations.Account> accounts = new HashMap<>();
        keycloak(() -> organizations.members(slug)).forEach(a -> accounts.put(a.id(), a));
        return memberships.members(slug).stream()
                .map(m -> {
                    var account = accounts.get(m.userId());
                    return account == null
                            ? new MemberView(m.username(), null, null, null, m.enabled(), sorted(m.roles()), List.of())
                            : new MemberView(
                                    m.username(),
                                    account.email(),
                                    account.firstName(),
                                    account.lastName(),
                                    m.enabled() && account.enabled(),
                                    sorted(m.roles()),
                                    account.requiredActions());
                })
                .toList();
    }

    MemberView.Added add(Caller caller, AgencySlug slug, CreateUser command) {
        Agency agency = managed(caller, slug);
        Set<String> roles = grantable(agency, command.roles());
        var member = new Organizations.NewMember(
                command.username().toLowerCase(Locale.ROOT),
                blankToNull(command.email()),
                blankToNull(command.firstName()),
                blankToNull(command.lastName()));
        var added = keycloak(() -> organizations.addMember(slug, member));
        var account = added.account();
        memberships.grant(account.id(), account.username(), slug, roles);
        return new MemberView.Added(
                new MemberView(
                        account.username(),
                        account.email(),
                        account.firstName(),
                        account.lastName(),
                        account.enabled(),
                        sorted(roles),
                        account.requiredActions()),
                added.temporaryPassword());
    }

    void setEnabled(Caller caller, AgencySlug slug, String username, boolean enabled) {
        managed(caller, slug);
        String name = username.toLowerCase(Locale.ROOT);
        if (!enabled && name.equals(caller.username())) {
            // An agency whose only admin locks themselves out needs a platform admin to get back in.
            throw new ApiException(ProblemCode.USER_SELF_DISABLE).atField("username");
        }
        var member = member(slug, name);
        memberships.setEnabled(slug, member.userId(), enabled);
        if (enabled || !memberships.enabledElsewhere(member.userId(), slug)) {
            keycloak(() -> organizations.setAccountEnabled(member.userId(), enabled));
        }
    }

    /**
     * Replaces the roles a member holds in this agency (granted by the same rule as adding: 422 for others). The
     * caller cannot take away their own {@code agency-admin} when nobody else holds it here, enabled (409). Their
     * next request, in this service at once, holds the new roles; their roles elsewhere stay as they are.
     */
    MemberRoles changeRoles(Caller caller, AgencySlug slug, String username, ChangeRoles command) {
        Agency agency = managed(caller, slug);
        Set<String> roles = grantable(agency, command.roles());
        String name = username.toLowerCase(Locale.ROOT);
        String userId = tx.execute(s -> {
            var member = member(slug, name);
            if (member.roles().contains(Roles.AGENCY_ADMIN) && !roles.contains(Roles.AGENCY_ADMIN)) {
                keepAnAdmin(caller, slug, member);
            }
            if (memberships.replaceRoles(slug, member, roles)) {
                outbox.publish(
                        "agency:" + slug,
                        new MemberRolesChanged(slug.value(), member.userId(), name, sorted(roles), caller.username()));
                log.info("Roles of {} in {} set to {} by {}", name, slug, sorted(roles), caller.username());
            }
            return member.userId();
        });
        memberships.forget(userId);
        return new MemberRoles(name, sorted(roles));
    }

    /** The roles a member holds in one agency after a change. */
    record MemberRoles(String username, List<String> roles) {}

    /**
     * Ends a person's membership of this agency, in the registry and in the agency's Keycloak Organization (so that
     * their next token's {@code organization} claim no longer names it); their memberships elsewhere stay. Their
     * Keycloak account is never deleted (their history, and other agencies, name it): when they act for no other
     * agency afterwards it is disabled, as disabling does. The caller cannot remove themself when nobody else is this
     * agency's enabled admin.
     * <p>
     * The registry is the authority (roles live there; the organization grants nothing): the person loses every role
     * here when the transaction commits, even while Keycloak is down. Keycloak is told after the commit, never while
     * the membership rows are locked, by {@link OrganizationSync}, whose row is written in the same transaction and
     * retried until Keycloak has done it.
     */
    void remove(Caller caller, AgencySlug slug, String username) {
        managed(caller, slug);
        String name = username.toLowerCase(Locale.ROOT);
        record Removed(String userId, long sync) {}
        Removed removed = tx.execute(s -> {
            var member = member(slug, name);
            if (member.roles().contains(Roles.AGENCY_ADMIN)) {
                keepAnAdmin(caller, slug, member);
            }
            memberships.remove(slug, member.userId());
            outbox.publish("agency:" + slug, new MemberRemoved(slug.value(), member.userId(), name, caller.username()));
            log.info("{} removed from {} by {}", name, slug, caller.username());
            return new Removed(member.userId(), organizationSync.leave(slug, member.userId()));
        });
        memberships.forget(removed.userId());
        organizationSync.run(removed.sync());
    }

    private MembershipStore.Member member(AgencySlug slug, String name) {
        return memberships
                .member(slug, name)
                .orElseThrow(() -> new ApiException(ProblemCode.USER_NOT_FOUND, slug, name));
    }

    /**
     * An agency whose last enabled admin removes themself, or their own admin role, needs a platform admin to get
     * back in: refused. Others (a platform admin, a parent agency's admin) may, since they keep the means to manage it.
     */
    private void keepAnAdmin(Caller caller, AgencySlug slug, MembershipStore.Member member) {
        boolean self =
                member.userId().equals(caller.subject()) || member.username().equals(caller.username());
        if (self && member.enabled() && !memberships.otherActiveAdmin(slug, member.userId())) {
            throw new ApiException(ProblemCode.USER_LAST_ADMIN, slug);
        }
    }

    /**
     * The agency whose users the caller may manage: any for platform admins; otherwise one in which the caller holds
     * {@code agency-admin} (the path names it: it is the agency they act for here), or one below the agency they act
     * for as its admin when that agency's admins manage its branches' users; or else 404 for an agency they belong to no admin of, and 403
     * for one where they hold other roles. Suspended or archived: 403.
     */
    private Agency managed(Caller caller, AgencySlug slug) {
        if (caller.isPlatformAdmin()) {
            return registry.find(slug).orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
        }
        if (caller.rolesIn(slug).contains(Roles.AGENCY_ADMIN)) {
            return access.resolve(caller, Optional.of(slug)).orElseThrow().agency();
        }
        Optional<Agency> branch = registry.find(slug);
        if (branch.isPresent()) {
            Optional<Agency> parent = delegation.managingAncestor(caller, branch.get());
            if (parent.isPresent()) {
                log.info(
                        "Users of {} managed by {} as an admin of {}",
                        slug,
                        caller.username(),
                        parent.get().slug());
                return usable(branch.get());
            }
        }
        if (caller.belongsTo(slug)) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("agency-users");
        }
        throw AgencyRegistry.notFound(slug.value());
    }

    /** A branch managed from above is refused while suspended or archived, as its own admin would be. */
    private static Agency usable(Agency agency) {
        if (agency.status() == AgencyStatus.SUSPENDED) {
            throw new ApiException(ProblemCode.AGENCY_SUSPENDED, agency.slug());
        }
        if (agency.status() == AgencyStatus.ARCHIVED) {
            throw new ApiException(ProblemCode.AGENCY_ARCHIVED, agency.slug());
        }
        return agency;
    }

    private static List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }

    private static Set<String> grantable(Agency agency, List<String> requested) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : requested) {
            boolean office = Roles.isOfficeRole(role);
            if (!Roles.AGENCY_ROLES.contains(role) && !(office && agency.kind() == AgencyKind.DISCLOSURE_OFFICE)) {
                throw new ApiException(ProblemCode.USER_ROLE_NOT_ALLOWED, role, agency.slug()).with("role", role);
            }
            roles.add(role);
        }
        return roles;
    }

    /** Keycloak trouble is the upstream's: say so, without its details (they are logged). */
    private static <T> T keycloak(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Keycloak failed while managing agency users", e);
            throw new ApiException(ProblemCode.KEYCLOAK_FAILED);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
