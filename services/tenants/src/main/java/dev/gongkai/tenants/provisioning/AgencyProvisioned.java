package dev.gongkai.tenants.provisioning;

/** Outbox event: an agency has completed provisioning and can be used. */
public record AgencyProvisioned(String agency, String nameZh, String kind, String jurisdiction) {}
