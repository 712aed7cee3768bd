package dev.gongkai.contract;

/**
 * A jurisdiction (辖区) as the tenants service's registry shows it.
 *
 * @param parent the city a district belongs to, null for a city
 */
public record JurisdictionView(String slug, String nameZh, String parent) {}
