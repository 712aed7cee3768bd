package dev.gongkai.publishing;

import dev.gongkai.platform.error.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/** The portal and open data are public (GET only); the API needs a bearer token as in every service. */
@Configuration(proxyBeanMethods = false)
class PublishingSecurity {

    @Bean
    SecurityFilterChain publishingSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter converter,
                                                      JsonMapper json) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/public/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/public/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                                Problems.of(HttpStatus.UNAUTHORIZED, "authentication.required",
                                        "请先登录（需要有效的访问令牌）", "A valid bearer token is required")))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, "access.denied",
                                        "您没有执行此操作的权限", "You are not allowed to do this"))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                                Problems.of(HttpStatus.UNAUTHORIZED, "authentication.required",
                                        "请先登录（需要有效的访问令牌）", "A valid bearer token is required"))));
        return http.build();
    }
}
