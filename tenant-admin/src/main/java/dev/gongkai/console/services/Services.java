package dev.gongkai.console.services;

import dev.gongkai.console.security.ConsoleUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services as the signed-in user calls them: every request carries the user's access token (refreshed
 * by Spring Security when it expires), and every error answer becomes a {@link ServiceProblem}.
 */
@Component
public class Services {

    /** The registration id of Keycloak in application.yaml. */
    public static final String REGISTRATION = "keycloak";

    private final RestClient tenants;
    private final RestClient reports;
    private final RestClient publishing;
    private final RestClient portal;
    private final JsonMapper json;

    Services(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, ServiceUrls urls, JsonMapper json) {
        this.json = json;
        var bearer = new OAuth2ClientHttpRequestInterceptor(clients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        RestClient.Builder authorized = builder.clone()
                .requestInterceptor(bearer)
                .requestInterceptor(actingAgency())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problem(response);
                });
        this.tenants = authorized.clone().baseUrl(urls.tenantsUrl()).build();
        this.reports = authorized.clone().baseUrl(urls.reportsUrl()).build();
        this.publishing = authorized.clone().baseUrl(urls.publishingUrl()).build();
        this.portal = builder.clone()
                .baseUrl(urls.publishingUrl())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problem(response);
                })
                .build();
    }

    /**
     * Every call says which agency the user acts for ({@code X-Agency}), the one chosen in the shell: the services
     * then judge it with the roles held in that agency.
     */
    private static ClientHttpRequestInterceptor actingAgency() {
        return (request, body, execution) -> {
            ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
            if (user != null && user.acting() != null && !request.getHeaders().containsHeader("X-Agency")) {
                request.getHeaders().set("X-Agency", user.acting());
            }
            return execution.execute(request, body);
        };
    }

    public RestClient tenants() {
        return tenants;
    }

    public RestClient reports() {
        return reports;
    }

    public RestClient publishing() {
        return publishing;
    }

    /** The public portal, without a token: what anyone sees. */
    public RestClient portal() {
        return portal;
    }

    private ServiceProblem problem(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        byte[] bytes = response.getBody().readAllBytes();
        JsonNode body = null;
        try {
            body = json.readTree(bytes);
        } catch (RuntimeException notJson) {
            // A proxy's HTML error page or an empty body: keep the status only.
        }
        if (body != null && body.isObject()) {
            return new ServiceProblem(
                    status,
                    text(body, "code", "http." + status),
                    text(body, "message_zh", "服务返回错误 " + status),
                    text(body, "message_en", "The service answered " + status),
                    body);
        }
        String raw = new String(bytes, StandardCharsets.UTF_8);
        return new ServiceProblem(
                status,
                "http." + status,
                "服务返回错误 " + status,
                "The service answered " + status
                        + (raw.isBlank() ? "" : ": " + raw.substring(0, Math.min(200, raw.length()))),
                null);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asString();
    }
}
