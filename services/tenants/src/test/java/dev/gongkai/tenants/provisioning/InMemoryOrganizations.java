package dev.gongkai.tenants.provisioning;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.tenants.keycloak.Organizations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak where a test is about provisioning's sequence, not about Keycloak (the real
 * {@code KeycloakOrganizations} has its own test against the real server). Same check-then-act semantics.
 */
class InMemoryOrganizations implements Organizations {

    final Map<AgencySlug, Boolean> organizations = new ConcurrentHashMap<>();
    final Map<String, Set<AgencySlug>> memberships = new ConcurrentHashMap<>();

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Change ensureOrganization(AgencySlug alias, String name) {
        return organizations.putIfAbsent(alias, true) == null ? Change.CREATED : Change.UNCHANGED;
    }

    @Override
    public Change setEnabled(AgencySlug alias, boolean enabled) {
        Boolean before = organizations.replace(alias, enabled);
        return before == null || before == enabled ? Change.UNCHANGED : Change.CHANGED;
    }

    @Override
    public MemberChange ensureMember(AgencySlug alias, String username, String email) {
        boolean created = !memberships.containsKey(username);
        boolean joined = memberships
                .computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet())
                .add(alias);
        Change change = created ? Change.CREATED : joined ? Change.CHANGED : Change.UNCHANGED;
        return new MemberChange(change, "id-" + username, username, created ? "temporary" : null);
    }

    @Override
    public List<Account> members(AgencySlug alias) {
        throw notForProvisioning();
    }

    @Override
    public AddedAccount addMember(AgencySlug alias, NewMember member) {
        throw notForProvisioning();
    }

    @Override
    public Change removeMember(AgencySlug alias, String userId) {
        throw notForProvisioning();
    }

    @Override
    public Change setAccountEnabled(String userId, boolean enabled) {
        throw notForProvisioning();
    }

    @Override
    public Optional<String> userId(String username) {
        return memberships.containsKey(username) ? Optional.of("id-" + username) : Optional.empty();
    }

    /** Managing users is tested against the real Keycloak (AgencyUsersTest). */
    private static UnsupportedOperationException notForProvisioning() {
        return new UnsupportedOperationException("provisioning does not manage members");
    }
}
