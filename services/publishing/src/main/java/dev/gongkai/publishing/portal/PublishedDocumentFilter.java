package dev.gongkai.publishing.portal;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.Problems;
import dev.gongkai.publishing.portal.PublicReports.Format;
import dev.gongkai.publishing.ratelimit.OpenDataRateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the published documents, {@code /public/{jurisdiction}/{agency}/{year}} and its {@code .pdf},
 * {@code .json} and {@code .csv}, as a servlet filter: inside the request's observation (metrics and traces as for
 * every route) but before Spring Security and Spring MVC. These are the portal's hottest requests, anonymous,
 * read-only and answered from the in-process caches, and those two layers cost more CPU than the answer itself
 * ({@code infra/load/publishing-bench}). Everything else under {@code /public} goes on to {@link PortalController}.
 * It answers what the rest of the service would: {@code 304} to a matching {@code If-None-Match}, the open-data rate
 * limit on {@code .json} and {@code .csv}, problem details for what is not there, and the headers Spring Security
 * adds to every answer.
 */
class PublishedDocumentFilter extends HttpFilter {

    /** The route of the documents, as {@code http.server.requests} names it. */
    static final String ROUTE = "/public/{jurisdiction}/{agency}/{year}";
    private static final Pattern PATH = Pattern.compile("/public/([^/]+)/([^/]+)/([0-9]{1,9})(?:\\.(pdf|json|csv))?");
    private static final String REVALIDATE = "no-cache, public";

    private static final Logger log = LoggerFactory.getLogger(PublishedDocumentFilter.class);

    private final PublicReports reports;
    private final OpenDataRateLimit rateLimit;
    private final JsonMapper json;

    PublishedDocumentFilter(PublicReports reports, OpenDataRateLimit rateLimit, JsonMapper json) {
        this.reports = reports;
        this.rateLimit = rateLimit;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher path = PATH.matcher(request.getRequestURI());
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || !path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        Format format = path.group(4) == null ? Format.HTML : Format.ofExtension(path.group(4));
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context ->
                context.setPathPattern(path.group(4) == null ? ROUTE : ROUTE + "." + path.group(4)));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        try {
            if ((format == Format.JSON || format == Format.CSV) && !rateLimit.admit(request, response)) {
                return;
            }
            Served served = reports.document(path.group(1), path.group(2), Integer.parseInt(path.group(3)), format);
            response.setHeader(HttpHeaders.ETAG, served.etag());
            response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
            if (new ServletWebRequest(request, response).checkNotModified(served.etag())) {
                return;
            }
            byte[] body = served.body().get();
            response.setContentType(served.type().toString());
            if (served.disposition() != null) {
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, served.disposition().toString());
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (ApiException e) {
            ProblemDetail problem = Problems.of(e);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
            Problems.write(response, json, problem);
        } catch (RuntimeException e) {
            log.error("Unhandled exception serving {}", request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                Problems.write(response, json, Problems.unexpected());
            }
        }
    }
}
