package dev.gongkai.contract;

import java.util.List;

/**
 * The caller as the tenants service's registry knows them ({@code /api/me}): platform roles and the agencies they may
 * act for, with the roles held in each.
 */
public record MeView(String username, List<String> platformRoles, List<Membership> agencies) {

    /** One agency the caller may act for, with the roles they hold there. */
    public record Membership(String slug, String nameZh, AgencyKind kind, List<String> roles) {}
}
