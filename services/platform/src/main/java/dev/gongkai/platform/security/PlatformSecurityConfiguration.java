package dev.gongkai.platform.security;

import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.error.Problems;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * Every service is an OAuth2 resource server for tokens of realm {@code gongkai}; only health, the Prometheus metrics and the OpenAPI
 * documents are open, plus the paths a service lists in {@code gongkai.security.public-reads} for anonymous GET and
 * HEAD (publishing's portal and open data).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class PlatformSecurityConfiguration {

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
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter converter,
                                                    JsonMapper json,
                                                    @Value("${gongkai.security.public-reads:}") String[] publicReads)
            throws Exception {
        if (publicReads.length > 0) {
            http.authorizeHttpRequests(auth -> auth
                    .requestMatchers(HttpMethod.GET, publicReads).permitAll()
                    .requestMatchers(HttpMethod.HEAD, publicReads).permitAll());
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                // Bearer tokens only: no session, no cookies, so no CSRF surface.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                                Problems.of(ProblemCode.AUTHENTICATION_REQUIRED)))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, json,
                                Problems.of(ProblemCode.ACCESS_DENIED))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                                Problems.of(ProblemCode.AUTHENTICATION_REQUIRED))));
        return http.build();
    }
}
