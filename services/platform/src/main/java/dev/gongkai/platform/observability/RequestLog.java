package dev.gongkai.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line per API request at DEBUG on logger {@code dev.gongkai.platform.observability.RequestLog} (method, route
 * template, path, status, milliseconds). It runs inside the tracing observation and inside the tenancy filter, so
 * the line carries the trace id and the acting agency. Off by default (the ingress logs every request already);
 * switch it on with {@code LOGGING_LEVEL_DEV_GONGKAI_PLATFORM_OBSERVABILITY_REQUESTLOG=debug} when chasing one.
 */
class RequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !log.isDebugEnabled() || request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            log.debug(
                    "{} {} {} -> {} in {} ms",
                    request.getMethod(),
                    route == null ? "-" : route,
                    request.getRequestURI(),
                    response.getStatus(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
