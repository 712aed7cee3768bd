package dev.gongkai.tenants.registry;

import dev.gongkai.platform.agency.Jurisdiction;

public record JurisdictionView(String slug, String nameZh, String parent) {

    static JurisdictionView of(Jurisdiction j) {
        return new JurisdictionView(
                j.slug().value(),
                j.nameZh(),
                j.parent() == null ? null : j.parent().value());
    }
}
