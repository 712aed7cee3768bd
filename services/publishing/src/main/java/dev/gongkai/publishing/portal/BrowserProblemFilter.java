package dev.gongkai.publishing.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser never sees a problem as JSON: when a GET asks for {@code text/html} and the answer is a problem
 * (status ≥ 400 with a JSON body, from a controller, the document filter or Spring Security), the same problem is
 * answered as a page in one language, with the service's own message and a way back to the front door. API clients
 * (no {@code text/html} in Accept) keep the RFC 9457 document.
 */
final class BrowserProblemFilter extends OncePerRequestFilter {

    private final JsonMapper json;
    private final Pages pages;

    BrowserProblemFilter(JsonMapper json, Pages pages) {
        this.json = json;
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || accept == null
                || !accept.contains("text/html");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapped);
        String type = wrapped.getContentType();
        if (wrapped.getStatus() < 400 || type == null || !type.contains("json")) {
            wrapped.copyBodyToResponse();
            return;
        }
        JsonNode problem;
        try {
            problem = json.readTree(wrapped.getContentAsByteArray());
        } catch (RuntimeException e) {
            problem = json.createObjectNode();
        }
        byte[] page = page(
                wrapped.getStatus(),
                problem,
                Lang.choose(request.getParameter(Lang.PARAMETER), request.getHeader(HttpHeaders.COOKIE))
                        .lang());
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** The problem's message in the page's language; without one, what the status says. */
    private byte[] page(int status, JsonNode problem, Lang lang) {
        String message =
                problem.path(lang == Lang.EN ? "message_en" : "message_zh").asString(null);
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("notFound", status == 404);
        model.put("message", message);
        model.put(
                "fallback",
                status == 404 ? "problem.notFoundMessage" : status == 429 ? "problem.tooMany" : "problem.wrong");
        return pages.render("problem", lang, "/", model);
    }
}
