package dev.gongkai.platform.error;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a problem's {@code errors} list: what is wrong with one field of the request, in both languages.
 *
 * @param field the field as the request names it ({@code cells.s3.received.total}, {@code explanations.f-12})
 * @param code  the problem's code
 */
public record FieldProblem(
        String field,
        String code,
        @JsonProperty("message_zh") String messageZh,
        @JsonProperty("message_en") String messageEn) {

    /** A catalogued problem about {@code field}. */
    public static FieldProblem of(String field, ProblemCode problem, Object... arguments) {
        ApiException e = new ApiException(problem, arguments);
        return new FieldProblem(field, e.code(), e.messageZh(), e.messageEn());
    }
}
