package dev.gongkai.platform.security;

/** Keycloak realm roles (see ARCHITECTURE.md); authorities carry them as {@code ROLE_<name>}. */
public final class Roles {

    public static final String AGENCY_EDITOR = "agency-editor";
    public static final String AGENCY_APPROVER = "agency-approver";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String OFFICE_REVIEWER = "office-reviewer";
    public static final String OFFICE_ADMIN = "office-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }

    public static boolean isOfficeRole(String role) {
        return OFFICE_REVIEWER.equals(role) || OFFICE_ADMIN.equals(role);
    }
}
