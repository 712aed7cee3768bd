package dev.gongkai.platform.agency;

public record Jurisdiction(JurisdictionSlug slug, String nameZh, JurisdictionSlug parent) {}
