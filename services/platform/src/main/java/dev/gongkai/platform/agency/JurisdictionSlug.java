package dev.gongkai.platform.agency;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gongkai.platform.error.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** The identifier of a jurisdiction (本级政府/辖区), e.g. {@code wuhai}; same character rules as agency slugs. */
public record JurisdictionSlug(@JsonValue String value) implements Comparable<JurisdictionSlug> {

    public JurisdictionSlug {
        if (AgencySlug.problemWith(value) != null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "jurisdiction.slug.invalid",
                    "辖区标识只能包含小写字母、数字和单个连字符（-），须以字母开头，长度 2 至 40 个字符",
                    "The jurisdiction slug may contain only lower-case letters, digits and single hyphens, "
                            + "must start with a letter and be 2 to 40 characters long",
                    Map.of("field", "jurisdiction"));
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
