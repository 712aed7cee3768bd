package dev.gongkai.platform.agency;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gongkai.platform.agency.InvalidSlugException.Kind;
import dev.gongkai.platform.agency.InvalidSlugException.Reason;

/**
 * The identifier of an agency (tenant), e.g. {@code wuhai-psb-haibowan}; also its Keycloak Organization alias.
 * <p>
 * The rules exist because the slug becomes a PostgreSQL schema name ({@code agency_<slug>} with hyphens turned
 * into underscores): only lower-case ASCII letters, digits and single hyphens, starting with a letter and not
 * ending with a hyphen, 2 to 40 characters, so the schema name stays far below PostgreSQL's 63-byte limit and
 * no quote or dot can ever reach SQL. Hyphen-to-underscore is one-to-one because underscores are refused.
 */
public record AgencySlug(@JsonValue String value) implements Comparable<AgencySlug> {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 40;
    /** The rules as one expression, for clients that check before they send. */
    public static final String RULE = "^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$";

    private static final String SCHEMA_PREFIX = "agency_";

    public AgencySlug {
        Reason problem = problemWith(value);
        if (problem != null) {
            throw new InvalidSlugException(Kind.AGENCY, problem);
        }
    }

    public static AgencySlug of(String value) {
        return new AgencySlug(value);
    }

    /** The PostgreSQL schema that holds this agency's data. */
    public String schemaName() {
        return SCHEMA_PREFIX + value.replace('-', '_');
    }

    @Override
    public int compareTo(AgencySlug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    static Reason problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return Reason.EMPTY;
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return Reason.LENGTH;
        }
        // One pass instead of three (this runs for every slug read from a token, a header or the registry); the
        // problems keep their order: non-ASCII before upper case before any other character.
        boolean nonAscii = false;
        boolean upperCase = false;
        boolean otherCharacter = value.charAt(0) < 'a' || value.charAt(0) > 'z';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128) {
                nonAscii = true;
            } else if (c >= 'A' && c <= 'Z') {
                upperCase = true;
            } else if (c == '-') {
                otherCharacter |= i == value.length() - 1 || value.charAt(i + 1) == '-';
            } else if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
                otherCharacter = true;
            }
        }
        return nonAscii ? Reason.ASCII : upperCase ? Reason.UPPERCASE : otherCharacter ? Reason.CHARACTERS : null;
    }
}
