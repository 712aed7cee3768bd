package dev.gongkai.platform.tenancy;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Memberships;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.DomainException;
import dev.gongkai.platform.observability.LogFields;
import dev.gongkai.platform.security.Caller;
import io.micrometer.common.KeyValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Resolves the caller's memberships (registry, cached briefly) and the acting agency once per request, right after
 * Spring Security has verified the token, so that a
 * suspended agency or a foreign {@code X-Agency} is refused by every endpoint of every service, not only by those
 * that happen to ask. Refusals go through the controller advice to keep one problem format.
 */
class TenancyFilter extends OncePerRequestFilter {

    static final String AGENCY_HEADER = "X-Agency";
    static final String ATTRIBUTE = TenancyContext.class.getName();

    private final AgencyAccess access;
    private final Memberships memberships;
    private final HandlerExceptionResolver exceptionResolver;

    TenancyFilter(AgencyAccess access, Memberships memberships, HandlerExceptionResolver exceptionResolver) {
        this.access = access;
        this.memberships = memberships;
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            try {
                Caller caller = Caller.from(
                        token.getToken(), memberships.of(token.getToken().getSubject()));
                String header = request.getHeader(AGENCY_HEADER);
                Optional<AgencySlug> requested =
                        header == null || header.isBlank() ? Optional.empty() : Optional.of(parse(header));
                Optional<ActingAgency> acting = access.resolve(caller, requested);
                // Once an agency is chosen, its roles are the caller's roles for the whole request.
                request.setAttribute(
                        ATTRIBUTE,
                        new TenancyContext(acting.map(ActingAgency::caller).orElse(caller), acting));
                acting.ifPresent(agency -> observe(request, agency));
            } catch (ApiException e) {
                exceptionResolver.resolveException(request, response, null, e);
                return;
            } catch (DomainException e) {
                exceptionResolver.resolveException(request, response, null, e.toApiException());
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogFields.AGENCY);
        }
    }

    /**
     * The agency on every log line of the request (MDC) and on its span, never on its metrics: a high-cardinality
     * key value goes to traces only, so {@code http.server.requests} stays one series per route and status.
     */
    private static void observe(HttpServletRequest request, ActingAgency agency) {
        MDC.put(LogFields.AGENCY, agency.slug().value());
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.addHighCardinalityKeyValue(
                        KeyValue.of("gongkai.agency", agency.slug().value())));
    }

    private static AgencySlug parse(String header) {
        try {
            return new AgencySlug(header.trim());
        } catch (DomainException e) {
            throw e.toApiException().atField(AGENCY_HEADER);
        }
    }

    record TenancyContext(Caller caller, Optional<ActingAgency> acting) {}
}
