package dev.gongkai.contract;

public enum AgencyStatus {
    ACTIVE,
    /** Refused by every service (403) until activated again; its Keycloak Organization is disabled. */
    SUSPENDED,
    /** No longer reporting; its schema and data are kept. */
    ARCHIVED
}
