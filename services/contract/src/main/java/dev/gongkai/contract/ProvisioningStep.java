package dev.gongkai.contract;

/** The steps of provisioning an agency, in order. Each checks the real state before acting. */
public enum ProvisioningStep {
    REGISTER,
    CREATE_SCHEMA,
    MIGRATE_SCHEMA,
    CREATE_ORGANIZATION,
    CREATE_FIRST_ADMIN
}
