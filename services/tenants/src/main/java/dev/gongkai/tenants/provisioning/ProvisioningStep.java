package dev.gongkai.tenants.provisioning;

/** The steps of provisioning an agency, in order. Each checks the real state before acting. */
public enum ProvisioningStep {
    REGISTER,
    CREATE_SCHEMA,
    MIGRATE_SCHEMA,
    CREATE_ORGANIZATION,
    CREATE_FIRST_ADMIN;

    boolean needsKeycloak() {
        return this == CREATE_ORGANIZATION || this == CREATE_FIRST_ADMIN;
    }
}
