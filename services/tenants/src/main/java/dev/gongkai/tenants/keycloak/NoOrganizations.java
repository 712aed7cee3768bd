package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;

/** Used when {@code gongkai.keycloak.enabled=false}: provisioning then stops after the database steps. */
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
    public AdminChange ensureFirstAdmin(AgencySlug alias, String username, String email) {
        throw disabled();
    }

    private static IllegalStateException disabled() {
        return new IllegalStateException("Keycloak steps are disabled (gongkai.keycloak.enabled=false)");
    }
}
