package dev.gongkai.tenants.keycloak;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * {@link Organizations} on Keycloak's admin REST API ({@code /admin/realms/{realm}/organizations}, their members,
 * {@code /users}), read and written as typed records. Every call carries the provisioning client's
 * client-credentials token, obtained, cached and renewed by Spring Security's OAuth2 client (a refused token is
 * forgotten and fetched anew); token and admin calls alike give up after the configured timeouts. It maps no
 * roles: agency roles live in the registry, and the client may not map any (its grants: infra/README.md).
 */
public class KeycloakOrganizations implements Organizations {

    private static final String REGISTRATION = "keycloak-admin";
    private static final ParameterizedTypeReference<List<Organization>> ORGANIZATIONS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<User>> USERS = new ParameterizedTypeReference<>() {};
    private static final int PAGE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An organization as the admin API has it; a PUT sends every member back, so nothing it holds is lost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Organization(
            String id,
            String name,
            String alias,
            Boolean enabled,
            String description,
            String redirectUrl,
            Map<String, List<String>> attributes,
            List<Domain> domains) {

        Organization withEnabled(boolean value) {
            return new Organization(id, name, alias, value, description, redirectUrl, attributes, domains);
        }
    }

    record Domain(String name, Boolean verified) {}

    /**
     * A user as the admin API has it (a member of an organization too). The profile's members all go back with a
     * PUT: a partial representation may clear profile attributes it does not name.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record User(
            String id,
            String username,
            String email,
            Boolean emailVerified,
            String firstName,
            String lastName,
            Boolean enabled,
            List<String> requiredActions,
            Map<String, List<String>> attributes) {

        User withEnabled(boolean value) {
            return new User(
                    id, username, email, emailVerified, firstName, lastName, value, requiredActions, attributes);
        }

        Account account() {
            return new Account(
                    id,
                    username,
                    email,
                    firstName,
                    lastName,
                    Boolean.TRUE.equals(enabled),
                    requiredActions == null ? List.of() : List.copyOf(requiredActions));
        }
    }

    /** A user to create, with a temporary password and UPDATE_PASSWORD. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewUser(
            String username,
            String email,
            String firstName,
            String lastName,
            boolean enabled,
            List<String> requiredActions,
            List<Credential> credentials) {}

    record Credential(String type, String value, boolean temporary) {}

    private final String realm;
    private final RestClient http;

    public KeycloakOrganizations(KeycloakProperties properties) {
        this.realm = properties.realm();
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder()
                .baseUrl(properties.url())
                .requestFactory(requests)
                .requestInterceptor(clientCredentials(properties, requests))
                .build();
    }

    /** Adds the provisioning client's bearer token to every admin call, fetched with the same timeouts. */
    private static OAuth2ClientHttpRequestInterceptor clientCredentials(
            KeycloakProperties properties, JdkClientHttpRequestFactory requests) {
        var registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(properties.url() + "/realms/" + properties.realm() + "/protocol/openid-connect/token")
                .build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        var tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
        var tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokenClient))
                .build());
        // One token for the service, whoever the request being served is for.
        Authentication service =
                UsernamePasswordAuthenticationToken.authenticated(properties.clientId(), null, List.of());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        interceptor.setPrincipalResolver(request -> service);
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
        return interceptor;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Change ensureOrganization(AgencySlug alias, String name) {
        if (findOrganization(alias).isPresent()) {
            return Change.UNCHANGED;
        }
        http.post()
                .uri("/admin/realms/{realm}/organizations", realm)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Organization(null, name, alias.value(), true, "Gongkai agency " + alias, null, null, null))
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw new IllegalStateException(
                            "Keycloak refused organization " + alias + ": " + response.getStatusCode() + " "
                                    + new String(response.getBody().readAllBytes()));
                })
                .toBodilessEntity();
        return Change.CREATED;
    }

    @Override
    public Change setEnabled(AgencySlug alias, boolean enabled) {
        String id = findOrganization(alias)
                .orElseThrow(() -> new IllegalStateException("Keycloak has no organization " + alias))
                .id();
        Organization full = http.get()
                .uri("/admin/realms/{realm}/organizations/{id}", realm, id)
                .retrieve()
                .body(Organization.class);
        if (Boolean.valueOf(enabled).equals(full.enabled())) {
            return Change.UNCHANGED;
        }
        http.put()
                .uri("/admin/realms/{realm}/organizations/{id}", realm, id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(full.withEnabled(enabled))
                .retrieve()
                .toBodilessEntity();
        return Change.CHANGED;
    }

    @Override
    public MemberChange ensureMember(AgencySlug alias, String username, String email) {
        String orgId = findOrganization(alias)
                .orElseThrow(() -> new IllegalStateException("Keycloak has no organization " + alias))
                .id();
        Change change = Change.UNCHANGED;
        String initialPassword = null;

        Optional<String> userId = findUser(username).map(User::id);
        if (userId.isEmpty()) {
            initialPassword = temporaryPassword();
            userId = Optional.of(createUser(new NewMember(username, email, null, null), initialPassword));
            change = Change.CREATED;
        }
        String id = userId.get();

        if (findMember(orgId, username).isEmpty()) {
            join(orgId, id);
            change = change == Change.CREATED ? change : Change.CHANGED;
        }
        return new MemberChange(change, id, username, initialPassword);
    }

    /** Full representations: since Keycloak 26.7 the members listing is brief by default, without requiredActions. */
    @Override
    public List<Account> members(AgencySlug alias) {
        String orgId = organizationId(alias);
        return listing(first -> http.get()
                        .uri(b -> b.path("/admin/realms/{realm}/organizations/{org}/members")
                                .queryParam("first", first)
                                .queryParam("max", PAGE)
                                .queryParam("briefRepresentation", false)
                                .build(realm, orgId))
                        .retrieve()
                        .body(USERS))
                .map(User::account)
                .sorted(Comparator.comparing(Account::username))
                .toList();
    }

    @Override
    public AddedAccount addMember(AgencySlug alias, NewMember member) {
        String orgId = organizationId(alias);
        if (findUser(member.username()).isPresent()) {
            throw userExists(member.username());
        }
        String password = temporaryPassword();
        String id = createUser(member, password);
        try {
            join(orgId, id);
        } catch (RuntimeException e) {
            // Never leave behind an account whose temporary password nobody was shown.
            http.delete()
                    .uri("/admin/realms/{realm}/users/{id}", realm, id)
                    .retrieve()
                    .toBodilessEntity();
            throw e;
        }
        return new AddedAccount(user(id).account(), password);
    }

    @Override
    public Change removeMember(AgencySlug alias, String userId) {
        Optional<Organization> organization = findOrganization(alias);
        if (organization.isEmpty()) {
            return Change.UNCHANGED;
        }
        // Keycloak answers 404 for a user who is no member (or no user) of this organization: nothing to end.
        return http.delete()
                .uri(
                        "/admin/realms/{realm}/organizations/{org}/members/{member}",
                        realm,
                        organization.get().id(),
                        userId)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == 404) {
                        return Change.UNCHANGED;
                    }
                    if (response.getStatusCode().isError()) {
                        throw new IllegalStateException("Keycloak refused to remove " + userId + " from " + alias + ": "
                                + response.getStatusCode());
                    }
                    return Change.CHANGED;
                });
    }

    @Override
    public Change setAccountEnabled(String userId, boolean enabled) {
        User user = user(userId);
        if (Boolean.valueOf(enabled).equals(user.enabled())) {
            return Change.UNCHANGED;
        }
        http.put()
                .uri("/admin/realms/{realm}/users/{id}", realm, userId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(user.withEnabled(enabled))
                .retrieve()
                .toBodilessEntity();
        return Change.CHANGED;
    }

    @Override
    public Optional<String> userId(String username) {
        return findUser(username).map(User::id);
    }

    /** Organizations are searched by name or domain, not alias, so we page through them (briefly). */
    Optional<Organization> findOrganization(AgencySlug alias) {
        return listing(first -> http.get()
                        .uri(b -> b.path("/admin/realms/{realm}/organizations")
                                .queryParam("first", first)
                                .queryParam("max", PAGE)
                                .queryParam("briefRepresentation", true)
                                .build(realm))
                        .retrieve()
                        .body(ORGANIZATIONS))
                .filter(org -> alias.value().equals(org.alias()))
                .findFirst();
    }

    /**
     * The entries of a paged admin listing ({@code first}, {@code max}), a page fetched only when the stream gets
     * there: a search that finds its entry early reads no further pages.
     */
    private static <T> Stream<T> listing(IntFunction<List<T>> fetch) {
        record Page<T>(int first, List<T> entries) {}
        return Stream.iterate(
                        new Page<>(0, fetch.apply(0)),
                        Objects::nonNull,
                        page -> page.entries() == null || page.entries().size() < PAGE
                                ? null
                                : new Page<>(page.first() + PAGE, fetch.apply(page.first() + PAGE)))
                .flatMap(page -> page.entries() == null ? Stream.empty() : page.entries().stream());
    }

    private User user(String id) {
        return http.get()
                .uri("/admin/realms/{realm}/users/{id}", realm, id)
                .retrieve()
                .body(User.class);
    }

    private Optional<User> findUser(String username) {
        return http
                .get()
                .uri(b -> b.path("/admin/realms/{realm}/users")
                        .queryParam("username", username)
                        .queryParam("exact", true)
                        .build(realm))
                .retrieve()
                .body(USERS)
                .stream()
                .filter(u -> username.equalsIgnoreCase(u.username()))
                .findFirst();
    }

    private String organizationId(AgencySlug alias) {
        return findOrganization(alias)
                .orElseThrow(() -> new ApiException(ProblemCode.AGENCY_NO_ORGANIZATION, alias))
                .id();
    }

    private Optional<User> findMember(String orgId, String username) {
        return http
                .get()
                .uri(b -> b.path("/admin/realms/{realm}/organizations/{org}/members")
                        .queryParam("search", username)
                        .queryParam("exact", true)
                        .build(realm, orgId))
                .retrieve()
                .body(USERS)
                .stream()
                .filter(m -> username.equalsIgnoreCase(m.username()))
                .findFirst();
    }

    /** Creates the user with a temporary password and UPDATE_PASSWORD; returns its id. */
    private String createUser(NewMember member, String password) {
        var user = new NewUser(
                member.username(),
                present(member.email()),
                present(member.firstName()),
                present(member.lastName()),
                true,
                List.of("UPDATE_PASSWORD"),
                List.of(new Credential("password", password, true)));
        var created = http.post()
                .uri("/admin/realms/{realm}/users", realm)
                .contentType(MediaType.APPLICATION_JSON)
                .body(user)
                .retrieve()
                .onStatus(status -> status.value() == 409, (request, response) -> {
                    throw userExists(member.username());
                })
                .toBodilessEntity();
        return idFrom(created.getHeaders().getLocation());
    }

    private void join(String orgId, String userId) {
        // The members endpoint takes the bare user id as a JSON string.
        http.post()
                .uri("/admin/realms/{realm}/organizations/{org}/members", realm, orgId)
                .contentType(MediaType.APPLICATION_JSON)
                .body("\"" + userId + "\"")
                .retrieve()
                .toBodilessEntity();
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ApiException userExists(String username) {
        return new ApiException(ProblemCode.USER_EXISTS, username);
    }

    private static String idFrom(URI location) {
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** 16 characters that always meet the realm's password policy: upper, lower, digit and special character. */
    private static String temporaryPassword() {
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "-_.!#%+="};
        String alphabet = String.join("", classes);
        StringBuilder sb = new StringBuilder();
        for (String characters : classes) {
            sb.append(characters.charAt(RANDOM.nextInt(characters.length())));
        }
        while (sb.length() < 16) {
            sb.insert(RANDOM.nextInt(sb.length() + 1), alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
