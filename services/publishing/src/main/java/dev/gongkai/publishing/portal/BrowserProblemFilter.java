package dev.gongkai.publishing.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A browser never sees a problem as JSON: when a GET asks for {@code text/html} and the answer is a problem
 * (status ≥ 400 with a JSON body, from a controller, the document filter or Spring Security), the same problem is
 * answered as a page in one language, with the service's own message and a way back to the front door. API clients
 * (no {@code text/html} in Accept) keep the RFC 9457 document.
 */
final class BrowserProblemFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    BrowserProblemFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || accept == null || !accept.contains("text/html");
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
        byte[] page = page(wrapped.getStatus(), problem, Lang.choose(request.getParameter(Lang.PARAMETER),
                request.getHeader(HttpHeaders.COOKIE)).lang());
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    static byte[] page(int status, JsonNode problem, Lang lang) {
        HttpStatus known = HttpStatus.resolve(status);
        String fallbackZh = status == 404 ? "未找到您要的页面" : status == 429 ? "请求过于频繁，请稍后再试" : "出错了，请稍后再试";
        String fallbackEn = known != null ? known.getReasonPhrase() : "Something went wrong";
        String message = lang.t(problem.path("message_zh").asString(fallbackZh),
                problem.path("message_en").asString(fallbackEn));
        String title = lang.t(status == 404 ? "未找到" : "无法显示", status == 404 ? "Not found" : "Cannot show this page");
        StringBuilder out = Html.page(title, lang, "/");
        out.append("<header><h1>").append(Html.escape(title)).append("</h1></header>\n<main id=\"main\">\n")
                .append("<p id=\"problem\" data-status=\"").append(status).append("\">").append(Html.escape(message))
                .append("</p>\n<p><a href=\"/").append(lang.query()).append("\">")
                .append(lang.t("返回首页", "Back to the front page")).append("</a></p>\n").append(Html.end());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
