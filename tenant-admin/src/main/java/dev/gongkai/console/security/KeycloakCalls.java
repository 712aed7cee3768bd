package dev.gongkai.console.security;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The console's own calls to Keycloak — the code-for-token exchange at sign-in, token refresh, user info — bounded by
 * the same connect and read timeouts as its calls to the services ({@code spring.http.clients.*}): Spring Security's
 * defaults wait for ever. Each client is set up as Spring Security sets up its default, on a bounded connection.
 */
@Component
class KeycloakCalls {

    private final JdkClientHttpRequestFactory requests;

    KeycloakCalls(
            @Value("${spring.http.clients.connect-timeout}") Duration connectTimeout,
            @Value("${spring.http.clients.read-timeout}") Duration readTimeout) {
        requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
    }

    RestClientAuthorizationCodeTokenResponseClient authorizationCode() {
        var client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(tokenEndpoint());
        return client;
    }

    RestClientRefreshTokenTokenResponseClient refreshToken() {
        var client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(tokenEndpoint());
        return client;
    }

    DefaultOAuth2UserService userInfo() {
        RestTemplate rest = new RestTemplate(requests);
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        var service = new DefaultOAuth2UserService();
        service.setRestOperations(rest);
        return service;
    }

    private RestClient tokenEndpoint() {
        return RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }
}
