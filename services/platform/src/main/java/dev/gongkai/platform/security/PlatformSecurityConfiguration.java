package dev.gongkai.platform.security;

import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.error.Problems;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server for tokens of realm {@code gongkai}; only health, the Prometheus metrics and the OpenAPI
 * documents are open, plus the paths a service lists in {@code gongkai.security.public-reads} for anonymous GET and
 * HEAD (publishing's portal and open data).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class PlatformSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecurityConfiguration.class);

    /** How long a client waits before asking again when Keycloak's keys cannot be fetched. */
    static final String RETRY_AFTER_SECONDS = "10";

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRoleAuthorities());
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }

    /** Every service's token decoder keeps the tokens it has verified until they expire (see the class). */
    @Bean
    static BeanPostProcessor cachingJwtDecoders() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, 10_000, Duration.ofMinutes(5), Clock.systemUTC())
                        : bean;
            }
        };
    }

    /**
     * Keycloak's discovery document and keys (JWKS) are fetched with bounds: a Keycloak that accepts the connection
     * and never answers costs a request {@code gongkai.security.jwks.read-timeout}, not a request thread for ever.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer boundedKeyFetch(
            @Value("${gongkai.security.jwks.connect-timeout:2s}") Duration connectTimeout,
            @Value("${gongkai.security.jwks.read-timeout:5s}") Duration readTimeout) {
        var requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        RestTemplate rest = new RestTemplate(requests);
        return builder -> builder.restOperations(rest);
    }

    /**
     * No observation per security filter, authentication and authorization: the request's own observation
     * ({@code http.server.requests}) already times and traces it, and a dozen nested observations per request cost
     * more CPU than serving a cached page does (seen in a profile of {@code infra/load/publishing-bench}).
     */
    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(
            HttpSecurity http,
            JwtAuthenticationConverter converter,
            JsonMapper json,
            @Value("${gongkai.security.public-reads:}") String[] publicReads)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                Problems.write(response, json, Problems.of(ProblemCode.AUTHENTICATION_REQUIRED));
        if (publicReads.length > 0) {
            http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, publicReads)
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, publicReads)
                    .permitAll());
        }
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // Bearer tokens only: no session, no cookies, so no CSRF surface.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthenticated)
                        .withObjectPostProcessor(keysUnavailable(json, unauthenticated))
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(response, json, Problems.of(ProblemCode.ACCESS_DENIED))))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated));
        return http.build();
    }

    /**
     * A token that cannot be checked because Keycloak's keys cannot be fetched (Keycloak down, unreachable, or too
     * slow) is our failure, not the caller's: 503 with {@code Retry-After} and the catalogue's problem, where Spring
     * would let the exception escape as a 500. Answering 401 instead would tell the console its user's sign-in is
     * invalid and send them to sign in again, into the same outage. Every other refused token stays 401.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> keysUnavailable(
            JsonMapper json, AuthenticationEntryPoint unauthenticated) {
        return new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler((request, response, e) -> {
                    if (e instanceof AuthenticationServiceException) {
                        log.warn("Token not verified, Keycloak's keys are unavailable: {}", e.getMessage());
                        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                        Problems.write(response, json, Problems.of(ProblemCode.AUTHENTICATION_UNAVAILABLE));
                    } else {
                        unauthenticated.commence(request, response, e);
                    }
                });
                return filter;
            }
        };
    }
}
