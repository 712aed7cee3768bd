package dev.gongkai.platform.agency;

import dev.gongkai.platform.error.DomainException;
import dev.gongkai.platform.error.ProblemCode;
import java.util.Locale;
import java.util.Map;

/** A slug refused its value (see {@link AgencySlug} for the rules). */
public class InvalidSlugException extends DomainException {

    public enum Kind {
        AGENCY,
        JURISDICTION
    }

    /** Why, in the order the checks run. */
    public enum Reason {
        EMPTY,
        LENGTH,
        ASCII,
        UPPERCASE,
        CHARACTERS
    }

    private final Kind kind;
    private final Reason reason;

    public InvalidSlugException(Kind kind, Reason reason) {
        super("Invalid " + kind.name().toLowerCase(Locale.ROOT) + " slug: " + reason);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public ProblemCode problem() {
        return kind == Kind.AGENCY ? ProblemCode.AGENCY_SLUG_INVALID : ProblemCode.JURISDICTION_SLUG_INVALID;
    }

    @Override
    public String variant() {
        return kind == Kind.AGENCY ? reason.name().toLowerCase(Locale.ROOT) : null;
    }

    @Override
    public Map<String, Object> properties() {
        return kind == Kind.AGENCY ? Map.of("field", "slug", "rule", AgencySlug.RULE) : Map.of("field", "jurisdiction");
    }
}
