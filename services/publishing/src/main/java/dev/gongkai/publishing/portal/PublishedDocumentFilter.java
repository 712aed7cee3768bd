package dev.gongkai.publishing.portal;

import dev.gongkai.publishing.portal.PublishedDocuments.Answer;
import dev.gongkai.publishing.portal.PublishedDocuments.Request;
import dev.gongkai.publishing.portal.PublishedDocuments.Target;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The published documents on the service's own port ({@link PublishedDocuments}), as a servlet filter: inside the
 * request's observation (metrics and traces as for every route) but before Spring Security and Spring MVC, which
 * would cost more CPU than the answer itself. Everything else under {@code /public} goes on to
 * {@link PortalController}.
 */
class PublishedDocumentFilter extends HttpFilter {

    private final PublishedDocuments documents;

    PublishedDocumentFilter(PublishedDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        Optional<Target> target = method.equals("GET") || method.equals("HEAD")
                ? PublishedDocuments.target(request.getRequestURI())
                : Optional.empty();
        if (target.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(target.get().route()));
        Answer answer = documents.answer(new Request(
                target.get(),
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.ACCEPT_ENCODING),
                request.getRemoteAddr(),
                Lang.choose(request.getParameter(Lang.PARAMETER), request.getHeader(HttpHeaders.COOKIE))));
        response.setStatus(answer.status());
        answer.headers().forEach(header -> response.addHeader(header.name(), header.value()));
        if (answer.body() != null) {
            response.getOutputStream().write(answer.body());
        }
    }
}
