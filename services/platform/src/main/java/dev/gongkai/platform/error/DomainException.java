package dev.gongkai.platform.error;

import java.util.Map;

/**
 * A refusal raised by a domain value or rule (not by an HTTP handler): it names its catalogued code, and the edge
 * ({@link ProblemAdvice}, a filter, a command line) decides what it becomes there via {@link #toApiException()}.
 */
public abstract class DomainException extends IllegalArgumentException {

    protected DomainException(String message) {
        super(message);
    }

    public abstract ProblemCode problem();

    /** The code's message variant, or null. */
    public abstract String variant();

    /** Extension members of the problem (e.g. the request field). */
    public abstract Map<String, Object> properties();

    public ApiException toApiException() {
        ApiException e = new ApiException(problem());
        if (variant() != null) {
            e = e.variant(variant());
        }
        for (var property : properties().entrySet()) {
            e = e.with(property.getKey(), property.getValue());
        }
        return e;
    }
}
