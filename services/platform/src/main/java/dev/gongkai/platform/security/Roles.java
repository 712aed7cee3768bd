package dev.gongkai.platform.security;

import dev.gongkai.contract.Role;
import java.util.Set;

/**
 * Gongkai's roles (see ARCHITECTURE.md). Only {@link #PLATFORM} roles are Keycloak realm roles (authorities
 * {@code ROLE_<name>}); agency and office roles are held in one agency each, in {@code core.agency_membership}.
 */
public final class Roles {

    public static final String AGENCY_EDITOR = Role.AGENCY_EDITOR.code();
    public static final String AGENCY_APPROVER = Role.AGENCY_APPROVER.code();
    public static final String AGENCY_ADMIN = Role.AGENCY_ADMIN.code();
    public static final String OFFICE_REVIEWER = Role.OFFICE_REVIEWER.code();
    public static final String OFFICE_ADMIN = Role.OFFICE_ADMIN.code();
    public static final String PLATFORM_ADMIN = Role.PLATFORM_ADMIN.code();

    /** The roles that hold in every agency, carried by the token as realm roles. */
    public static final Set<String> PLATFORM = Set.of(PLATFORM_ADMIN);
    /** The roles any agency may give its own staff. */
    public static final Set<String> AGENCY_ROLES = Set.of(AGENCY_EDITOR, AGENCY_APPROVER, AGENCY_ADMIN);
    /** Every role that means something to Gongkai (Keycloak's own default roles are not among them). */
    public static final Set<String> ALL =
            Set.of(AGENCY_EDITOR, AGENCY_APPROVER, AGENCY_ADMIN, OFFICE_REVIEWER, OFFICE_ADMIN, PLATFORM_ADMIN);

    private Roles() {}

    public static boolean isOfficeRole(String role) {
        return OFFICE_REVIEWER.equals(role) || OFFICE_ADMIN.equals(role);
    }
}
