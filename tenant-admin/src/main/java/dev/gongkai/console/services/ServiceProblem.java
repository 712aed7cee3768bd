package dev.gongkai.console.services;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's refusal (an RFC 9457 problem with {@code code}, {@code message_zh}, {@code message_en}), carried to the
 * page so the user reads the service's own words in their language.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final JsonNode body;

    public ServiceProblem(int status, String code, String messageZh, String messageEn, JsonNode body) {
        super(status + " " + code + ": " + messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public JsonNode body() {
        return body;
    }

    /** Whether the answer's body has this member: an answer that is not a problem (a summary sent with its 500). */
    public boolean has(String member) {
        return body != null && body.has(member);
    }

    /** The answer's body read as the record an answer of this status carries (see {@link #has}). */
    public <T> T body(Class<T> type, JsonMapper json) {
        return json.treeToValue(body, type);
    }

    public String message(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? messageEn : messageZh;
    }

    public boolean is(int status) {
        return this.status == status;
    }
}
