package dev.gongkai.contract;

/**
 * An agency as the tenants service's registry shows it ({@code /api/agencies}, {@code /api/agencies/me}, …).
 *
 * @param parent               the slug of the agency it belongs to (a police branch's bureau), null for none
 * @param branchUsersDelegated whether its admins manage the users of the agencies below it
 */
public record AgencyView(
        String slug,
        String nameZh,
        AgencyKind kind,
        String parent,
        JurisdictionView jurisdiction,
        AgencyStatus status,
        boolean branchUsersDelegated) {}
