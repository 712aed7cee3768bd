package dev.gongkai.platform.agency;

import com.fasterxml.jackson.annotation.JsonValue;

/** The identifier of a jurisdiction (本级政府/辖区), e.g. {@code wuhai}; same character rules as agency slugs. */
public record JurisdictionSlug(@JsonValue String value) implements Comparable<JurisdictionSlug> {

    public JurisdictionSlug {
        InvalidSlugException.Reason problem = AgencySlug.problemWith(value);
        if (problem != null) {
            throw new InvalidSlugException(InvalidSlugException.Kind.JURISDICTION, problem);
        }
    }

    public static JurisdictionSlug of(String value) {
        return new JurisdictionSlug(value);
    }

    @Override
    public int compareTo(JurisdictionSlug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
