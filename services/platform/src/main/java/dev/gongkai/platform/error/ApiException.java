package dev.gongkai.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. Rendered as an RFC 9457 problem with a machine {@code code} and the message in
 * Chinese (what users read) and English (what operators and logs read), both from the {@link ProblemCode}
 * catalogue's bundles: a throw site names the code and its arguments, nothing more.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageZh;
    private final Map<String, Object> properties;
    private final ProblemCode problem;
    private final List<Object> arguments;

    public ApiException(ProblemCode problem, Object... arguments) {
        this(problem, null, List.of(arguments), Map.of());
    }

    private ApiException(ProblemCode problem, String variant, List<Object> arguments, Map<String, Object> properties) {
        this(
                problem.status(),
                problem.code(),
                ProblemMessages.chinese(problem.messageKey(variant), arguments),
                ProblemMessages.english(problem.messageKey(variant), arguments),
                properties,
                problem,
                arguments);
    }

    private ApiException(
            HttpStatus status,
            String code,
            String messageZh,
            String messageEn,
            Map<String, Object> properties,
            ProblemCode problem,
            List<Object> arguments) {
        super(messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.properties = Map.copyOf(properties);
        this.problem = problem;
        this.arguments = arguments;
    }

    /** The same refusal with one of the code's declared message variants (e.g. why a slug is invalid). */
    public ApiException variant(String variant) {
        if (!problem.variants().contains(variant)) {
            throw new IllegalArgumentException(code + " has no message variant " + variant);
        }
        return new ApiException(problem, variant, arguments, properties);
    }

    /** The same refusal with an extension member of the problem (e.g. the findings that blocked a step). */
    public ApiException with(String name, Object value) {
        Map<String, Object> props = new LinkedHashMap<>(properties);
        props.put(name, value);
        return new ApiException(status, code, messageZh, getMessage(), props, problem, arguments);
    }

    /** The same refusal, naming the request field it is about (e.g. {@code slug} or {@code parent}). */
    public ApiException atField(String field) {
        return with("field", field);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
