package dev.gongkai.tenants.users;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.tenants.keycloak.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An agency's users, kept in Keycloak as the members of its Organization. Platform admins manage every agency's
 * users; an agency's own {@code agency-admin} manages those of the agency they act for, and any other agency does
 * not exist for them (404). Nobody hands out the platform-admin role here, and office roles only to the staff of
 * a disclosure office.
 */
@Service
class AgencyUsers {

    private static final Logger log = LoggerFactory.getLogger(AgencyUsers.class);

    private final AgencyRegistry registry;
    private final AgencyAccess access;
    private final Organizations organizations;

    AgencyUsers(AgencyRegistry registry, AgencyAccess access, Organizations organizations) {
        this.registry = registry;
        this.access = access;
        this.organizations = organizations;
    }

    List<Organizations.Member> list(Caller caller, AgencySlug slug) {
        managed(caller, slug);
        return keycloak(() -> organizations.members(slug));
    }

    Organizations.AddedMember add(Caller caller, AgencySlug slug, CreateUser command) {
        Agency agency = managed(caller, slug);
        Set<String> roles = grantable(agency, command.roles());
        var member = new Organizations.NewMember(command.username().toLowerCase(Locale.ROOT),
                blankToNull(command.email()), blankToNull(command.firstName()), blankToNull(command.lastName()), roles);
        return keycloak(() -> organizations.addMember(slug, member));
    }

    void setEnabled(Caller caller, AgencySlug slug, String username, boolean enabled) {
        managed(caller, slug);
        String member = username.toLowerCase(Locale.ROOT);
        if (!enabled && member.equals(caller.username())) {
            // An agency whose only admin locks themselves out needs a platform admin to get back in.
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "user.self-disable",
                    "不能停用自己的账号", "You cannot disable your own account", Map.of("field", "username"));
        }
        keycloak(() -> organizations.setMemberEnabled(slug, member, enabled));
    }

    private Agency managed(Caller caller, AgencySlug slug) {
        if (caller.isPlatformAdmin()) {
            return registry.find(slug).orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
        }
        if (!caller.hasRole(Roles.AGENCY_ADMIN)) {
            throw ApiException.forbidden("access.denied", "只有平台管理员和本机构管理员可以管理机构用户",
                    "Only platform administrators and the agency's own administrators may manage its users");
        }
        // The tenancy rules decide, as for every agency request: a member may act for it (404 otherwise, 403 when
        // it is suspended or archived); acting through an office's supervision is no membership.
        var acting = access.resolve(caller, Optional.of(slug)).orElseThrow();
        if (acting.viaOffice()) {
            throw AgencyRegistry.notFound(slug.value());
        }
        return acting.agency();
    }

    private static Set<String> grantable(Agency agency, List<String> requested) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : requested) {
            boolean office = Roles.isOfficeRole(role);
            if (!Roles.AGENCY_ROLES.contains(role) && !(office && agency.kind() == AgencyKind.DISCLOSURE_OFFICE)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "user.role-not-allowed",
                        "不能在机构 " + agency.slug() + " 中授予角色 " + role
                                + "（可授予：agency-editor、agency-approver、agency-admin；政务公开办另可授予 office-reviewer、office-admin）",
                        "Role " + role + " cannot be granted in agency " + agency.slug() + " (agency roles only; "
                                + "office roles in a disclosure office)",
                        Map.of("role", role));
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
            throw new ApiException(HttpStatus.BAD_GATEWAY, "keycloak.failed",
                    "身份认证服务（Keycloak）暂时无法完成该操作，请稍后重试",
                    "Keycloak could not complete the operation; try again later");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
