package dev.gongkai.tenants.registry;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.AgencyStatus;
import dev.gongkai.platform.agency.Jurisdiction;

/**
 * An agency as the registry API shows it.
 *
 * @param branchUsersDelegated whether its admins manage the users of the agencies below it ({@link BranchDelegation})
 */
public record AgencyView(
        String slug,
        String nameZh,
        AgencyKind kind,
        String parent,
        JurisdictionView jurisdiction,
        AgencyStatus status,
        boolean branchUsersDelegated) {

    static AgencyView of(Agency agency, Jurisdiction jurisdiction, boolean branchUsersDelegated) {
        return new AgencyView(
                agency.slug().value(),
                agency.nameZh(),
                agency.kind(),
                agency.parent() == null ? null : agency.parent().value(),
                JurisdictionView.of(jurisdiction),
                agency.status(),
                branchUsersDelegated);
    }
}
