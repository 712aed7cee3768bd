package dev.gongkai.tenants.registry;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Delegated administration of branches: when a platform admin has set {@code branch_users_delegated} on a parent
 * agency (市公安局), that agency's admins, acting for it, manage the users of every agency below it (its 分局, at any depth) as each
 * branch's own admin could. Never a disclosure office (its office roles are the city's, not the parent's to hand
 * out), never the parent's parent or a sibling: only the agencies whose chain of parents reaches the flagged agency,
 * and only in the flagged agency's jurisdiction or one below it (a city bureau's district branches, never another
 * city's agency, whatever its parent says).
 */
@Component
public class BranchDelegation {

    private final AgencyRegistry registry;
    private final RegistryStore store;

    BranchDelegation(AgencyRegistry registry, RegistryStore store) {
        this.registry = registry;
        this.store = store;
    }

    /**
     * The agency the caller acts for, when it is above {@code branch}, active, has the flag set, and the caller is an
     * {@code agency-admin} there: the agency they manage the branch's users for. Empty otherwise, when the branch is
     * a disclosure office, or when it lies outside that agency's jurisdiction and those below it. Acting for another
     * agency (the branch itself, say, where they may only edit), they hold only that agency's roles.
     */
    public Optional<Agency> managingAncestor(Caller caller, Agency branch) {
        AgencySlug acting = caller.actingFor();
        if (acting == null
                || branch.kind() == AgencyKind.DISCLOSURE_OFFICE
                || !caller.rolesIn(acting).contains(Roles.AGENCY_ADMIN)) {
            return Optional.empty();
        }
        Set<AgencySlug> seen = new HashSet<>(Set.of(branch.slug()));
        AgencySlug parent = branch.parent();
        // seen guards against a cycle of parents, which nothing else in the registry forbids.
        while (parent != null && seen.add(parent)) {
            Optional<Agency> found = registry.find(parent);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Agency ancestor = found.get();
            if (ancestor.slug().equals(acting)) {
                return Optional.of(ancestor)
                        .filter(a -> a.isActive()
                                && store.branchUsersDelegated(a.slug())
                                && registry.withDescendants(a.jurisdiction()).contains(branch.jurisdiction()));
            }
            parent = ancestor.parent();
        }
        return Optional.empty();
    }
}
