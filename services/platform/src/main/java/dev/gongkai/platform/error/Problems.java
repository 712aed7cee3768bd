package dev.gongkai.platform.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds the one problem shape every service answers with, also for code that runs outside Spring MVC. */
public final class Problems {

    private Problems() {}

    private static ProblemDetail of(HttpStatus status, String code, String messageZh, String messageEn) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messageEn);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty("message_zh", messageZh);
        problem.setProperty("message_en", messageEn);
        return problem;
    }

    /** A catalogued problem, for code that answers without throwing (filters, entry points). */
    public static ProblemDetail of(ProblemCode problem, Object... arguments) {
        return of(new ApiException(problem, arguments));
    }

    /** What a client is told of a failure that is ours (the cause goes to the log, never to the client). */
    public static ProblemDetail unexpected() {
        return of(ProblemCode.INTERNAL_ERROR);
    }

    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = of(e.status(), e.code(), e.messageZh(), e.messageEn());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** For security entry points and filters, which answer before a controller advice could. */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(problem));
    }

    /** The RFC 9457 members of a problem, in the order every answer shows them, then its extension members. */
    public static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
