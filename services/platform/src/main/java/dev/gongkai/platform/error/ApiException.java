package dev.gongkai.platform.error;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A refusal the caller can act on. Rendered as an RFC 9457 problem with a machine {@code code} and the message in
 * Chinese (what users read) and English (what operators and logs read).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String messageZh, String messageEn) {
        this(status, code, messageZh, messageEn, Map.of());
    }

    public ApiException(HttpStatus status, String code, String messageZh, String messageEn,
                        Map<String, Object> properties) {
        super(messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.properties = Map.copyOf(properties);
    }

    public static ApiException notFound(String code, String messageZh, String messageEn) {
        return new ApiException(HttpStatus.NOT_FOUND, code, messageZh, messageEn);
    }

    public static ApiException forbidden(String code, String messageZh, String messageEn) {
        return new ApiException(HttpStatus.FORBIDDEN, code, messageZh, messageEn);
    }

    public static ApiException badRequest(String code, String messageZh, String messageEn) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, messageZh, messageEn);
    }

    public static ApiException conflict(String code, String messageZh, String messageEn) {
        return new ApiException(HttpStatus.CONFLICT, code, messageZh, messageEn);
    }

    /** The same refusal, naming the request field it is about (e.g. {@code slug} or {@code parent}). */
    public ApiException atField(String field) {
        var props = new java.util.HashMap<>(properties);
        props.put("field", field);
        return new ApiException(status, code, messageZh, messageEn, props);
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
        return messageEn;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
