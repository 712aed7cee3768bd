package dev.gongkai.platform.agency;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gongkai.platform.error.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

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
    private static final String SCHEMA_PREFIX = "agency_";

    public AgencySlug {
        String problem = problemWith(value);
        if (problem != null) {
            throw invalid(value, problem);
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

    static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "empty";
        }
        if (value.length() < MIN_LENGTH) {
            return "short";
        }
        if (value.length() > MAX_LENGTH) {
            return "long";
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
        return nonAscii ? "ascii" : upperCase ? "uppercase" : otherCharacter ? "characters" : null;
    }

    private static ApiException invalid(String value, String problem) {
        String zh = switch (problem) {
            case "empty" -> "机构标识不能为空";
            case "short", "long" -> "机构标识长度须为 2 至 40 个字符";
            case "ascii" -> "机构标识只能使用 ASCII 字符（不能包含中文或全角字符）";
            case "uppercase" -> "机构标识不能包含大写字母";
            default -> "机构标识只能包含小写字母、数字和单个连字符（-），须以字母开头、不能以连字符结尾";
        };
        String en = switch (problem) {
            case "empty" -> "The agency slug must not be empty";
            case "short", "long" -> "The agency slug must be 2 to 40 characters long";
            case "ascii" -> "The agency slug must use ASCII characters only";
            case "uppercase" -> "The agency slug must not contain upper-case letters";
            default -> "The agency slug may contain only lower-case letters, digits and single hyphens (-), "
                    + "must start with a letter and must not end with a hyphen";
        };
        return new ApiException(HttpStatus.BAD_REQUEST, "agency.slug.invalid", zh, en,
                Map.of("field", "slug", "rule", "^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$"));
    }
}
