package dev.gongkai.console.security;

import dev.gongkai.console.services.ServiceUrls;
import dev.gongkai.console.shell.UploadLimit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartResolver;

/**
 * Sign-in at Keycloak with the authorization code flow and PKCE (the realm requires S256 for this client), sign-out
 * at Keycloak too (RP-initiated logout), and CSRF protection on every form and script call.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain console(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            ServiceUrls urls,
            RestClient.Builder services,
            KeycloakCalls keycloak,
            SignInFailure signInFailure,
            MultipartResolver multipart) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var logout = new KeycloakLogout(urls.keycloakUrl() + "/realms/gongkai/protocol/openid-connect/logout");
        // Script calls (autosave) get 401 instead of a redirect to Keycloak they could not follow.
        RequestMatcher script = (HttpServletRequest request) ->
                "fetch".equals(request.getHeader("X-Console")) || request.getHeader("HX-Request") != null;
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/signed-out",
                                SignInFailure.PAGE,
                                "/locale",
                                "/actuator/health",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.failureHandler(signInFailure)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                        .tokenEndpoint(token -> token.accessTokenResponseClient(keycloak.authorizationCode()))
                        .userInfoEndpoint(user -> user.oidcUserService(new MembershipAuthorities(
                                services.clone().baseUrl(urls.tenantsUrl()).build(), keycloak.userInfo()))))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), script)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/keycloak"),
                                request -> true))
                .logout(out -> out.logoutSuccessHandler(logout))
                // A body over the upload limit cannot be read for its token; it never reaches a handler (UploadLimit).
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(
                        CsrfFilter.DEFAULT_CSRF_MATCHER, new NegatedRequestMatcher(UploadLimit.tooLarge(multipart)))));
        return http.build();
    }

    /**
     * The user's tokens are kept in their session, which lives in Redis: any replica can call the services for them.
     * (Boot's default keeps them in one JVM's memory.)
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the user's access token to the service clients, refreshing it when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorized,
            KeycloakCalls keycloak) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorized);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.accessTokenResponseClient(keycloak.refreshToken()))
                .build());
        return manager;
    }
}
