package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import java.util.List;
import java.util.Optional;

/**
 * Used when {@code gongkai.keycloak.enabled=false}: provisioning then stops after the database steps, and an
 * agency's users cannot be managed here (503).
 */
final class NoOrganizations implements Organizations {

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public Change ensureOrganization(AgencySlug alias, String name) {
        throw disabled();
    }

    @Override
    public Change setEnabled(AgencySlug alias, boolean enabled) {
        return Change.UNCHANGED;
    }

    @Override
    public MemberChange ensureMember(AgencySlug alias, String username, String email) {
        throw disabled();
    }

    @Override
    public List<Account> members(AgencySlug alias) {
        throw usersUnavailable();
    }

    @Override
    public AddedAccount addMember(AgencySlug alias, NewMember member) {
        throw usersUnavailable();
    }

    @Override
    public Change removeMember(AgencySlug alias, String userId) {
        throw usersUnavailable();
    }

    @Override
    public Optional<String> userId(String username) {
        throw usersUnavailable();
    }

    @Override
    public Change setAccountEnabled(String userId, boolean enabled) {
        throw usersUnavailable();
    }

    private static IllegalStateException disabled() {
        return new IllegalStateException("Keycloak steps are disabled (gongkai.keycloak.enabled=false)");
    }

    private static ApiException usersUnavailable() {
        return new ApiException(ProblemCode.KEYCLOAK_DISABLED);
    }
}
