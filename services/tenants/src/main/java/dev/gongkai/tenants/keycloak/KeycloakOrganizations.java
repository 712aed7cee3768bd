package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * {@link Organizations} on Keycloak's admin REST API ({@code /admin/realms/{realm}/organizations}, their members,
 * {@code /users}), authenticated with the provisioning client's client-credentials token. It maps no roles: agency
 * roles live in the registry.
 */
public class KeycloakOrganizations implements Organizations {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final int PAGE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakProperties properties;
    private final RestClient http;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    public KeycloakOrganizations(KeycloakProperties properties) {
        this.properties = properties;
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
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
        admin().post().uri("/admin/realms/{realm}/organizations", properties.realm())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "alias", alias.value(), "enabled", true,
                        "description", "Gongkai agency " + alias))
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw new IllegalStateException("Keycloak refused organization " + alias + ": "
                            + response.getStatusCode() + " " + new String(response.getBody().readAllBytes()));
                }).toBodilessEntity();
        return Change.CREATED;
    }

    @Override
    public Change setEnabled(AgencySlug alias, boolean enabled) {
        Map<String, Object> org = findOrganization(alias).orElseThrow(() ->
                new IllegalStateException("Keycloak has no organization " + alias));
        Map<String, Object> full = admin().get().uri("/admin/realms/{realm}/organizations/{id}", properties.realm(),
                org.get("id")).retrieve().body(OBJECT);
        if (Boolean.valueOf(enabled).equals(full.get("enabled"))) {
            return Change.UNCHANGED;
        }
        Map<String, Object> update = new HashMap<>(full);
        update.put("enabled", enabled);
        admin().put().uri("/admin/realms/{realm}/organizations/{id}", properties.realm(), org.get("id"))
                .contentType(MediaType.APPLICATION_JSON).body(update).retrieve().toBodilessEntity();
        return Change.CHANGED;
    }

    @Override
    public MemberChange ensureMember(AgencySlug alias, String username, String email) {
        String orgId = (String) findOrganization(alias).orElseThrow(() ->
                new IllegalStateException("Keycloak has no organization " + alias)).get("id");
        Change change = Change.UNCHANGED;
        String initialPassword = null;

        Optional<String> userId = findUser(username);
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

    @Override
    public List<Account> members(AgencySlug alias) {
        String orgId = organizationId(alias);
        return listing(first -> admin().get().uri(b -> b.path("/admin/realms/{realm}/organizations/{org}/members")
                        .queryParam("first", first).queryParam("max", PAGE).build(properties.realm(), orgId))
                .retrieve().body(LIST))
                .map(KeycloakOrganizations::account).sorted(Comparator.comparing(Account::username)).toList();
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
            admin().delete().uri("/admin/realms/{realm}/users/{id}", properties.realm(), id).retrieve()
                    .toBodilessEntity();
            throw e;
        }
        Map<String, Object> created = admin().get().uri("/admin/realms/{realm}/users/{id}", properties.realm(), id)
                .retrieve().body(OBJECT);
        return new AddedAccount(account(created), password);
    }

    @Override
    public Change setAccountEnabled(String userId, boolean enabled) {
        // The whole representation goes back: a partial one may clear profile attributes it does not name.
        Map<String, Object> user = new HashMap<>(admin().get().uri("/admin/realms/{realm}/users/{id}",
                properties.realm(), userId).retrieve().body(OBJECT));
        if (Boolean.valueOf(enabled).equals(user.get("enabled"))) {
            return Change.UNCHANGED;
        }
        user.put("enabled", enabled);
        admin().put().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .contentType(MediaType.APPLICATION_JSON).body(user).retrieve().toBodilessEntity();
        return Change.CHANGED;
    }

    /** Organizations are searched by name or domain, not alias, so we page through them (briefly). */
    Optional<Map<String, Object>> findOrganization(AgencySlug alias) {
        return listing(first -> admin().get().uri(b -> b.path("/admin/realms/{realm}/organizations")
                        .queryParam("first", first).queryParam("max", PAGE)
                        .queryParam("briefRepresentation", true).build(properties.realm()))
                .retrieve().body(LIST))
                .filter(org -> alias.value().equals(org.get("alias"))).findFirst();
    }

    /**
     * The entries of a paged admin listing ({@code first}, {@code max}), a page fetched only when the stream gets
     * there: a search that finds its entry early reads no further pages.
     */
    private static Stream<Map<String, Object>> listing(IntFunction<List<Map<String, Object>>> fetch) {
        record Page(int first, List<Map<String, Object>> entries) {
        }
        return Stream.iterate(new Page(0, fetch.apply(0)), Objects::nonNull,
                        page -> page.entries() == null || page.entries().size() < PAGE ? null
                                : new Page(page.first() + PAGE, fetch.apply(page.first() + PAGE)))
                .flatMap(page -> page.entries() == null ? Stream.empty() : page.entries().stream());
    }

    private Optional<String> findUser(String username) {
        return admin().get().uri(b -> b.path("/admin/realms/{realm}/users").queryParam("username", username)
                        .queryParam("exact", true).build(properties.realm()))
                .retrieve().body(LIST).stream()
                .filter(u -> username.equalsIgnoreCase(String.valueOf(u.get("username"))))
                .map(u -> (String) u.get("id")).findFirst();
    }

    private String organizationId(AgencySlug alias) {
        return (String) findOrganization(alias).orElseThrow(() -> new ApiException(ProblemCode.AGENCY_NO_ORGANIZATION, alias)).get("id");
    }

    private Optional<Map<String, Object>> findMember(String orgId, String username) {
        return admin().get().uri(b -> b.path("/admin/realms/{realm}/organizations/{org}/members")
                        .queryParam("search", username).queryParam("exact", true).build(properties.realm(), orgId))
                .retrieve().body(LIST).stream()
                .filter(m -> username.equalsIgnoreCase(String.valueOf(m.get("username")))).findFirst();
    }

    /** Creates the user with a temporary password and UPDATE_PASSWORD; returns its id. */
    private String createUser(NewMember member, String password) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", member.username());
        user.put("enabled", true);
        user.put("requiredActions", List.of("UPDATE_PASSWORD"));
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", true)));
        putIfPresent(user, "email", member.email());
        putIfPresent(user, "firstName", member.firstName());
        putIfPresent(user, "lastName", member.lastName());
        ResponseEntity<Void> created = admin().post().uri("/admin/realms/{realm}/users", properties.realm())
                .contentType(MediaType.APPLICATION_JSON).body(user).retrieve()
                .onStatus(status -> status.value() == 409, (request, response) -> {
                    throw userExists(member.username());
                }).toBodilessEntity();
        return idFrom(created.getHeaders().getLocation());
    }

    private void join(String orgId, String userId) {
        // The members endpoint takes the bare user id as a JSON string.
        admin().post().uri("/admin/realms/{realm}/organizations/{org}/members", properties.realm(), orgId)
                .contentType(MediaType.APPLICATION_JSON).body("\"" + userId + "\"").retrieve().toBodilessEntity();
    }

    @SuppressWarnings("unchecked")
    private static Account account(Map<String, Object> user) {
        Object actions = user.get("requiredActions");
        return new Account((String) user.get("id"), String.valueOf(user.get("username")), (String) user.get("email"),
                (String) user.get("firstName"), (String) user.get("lastName"), Boolean.TRUE.equals(user.get("enabled")),
                actions instanceof List<?> list ? List.copyOf((List<String>) list) : List.of());
    }

    private static void putIfPresent(Map<String, Object> user, String field, String value) {
        if (value != null && !value.isBlank()) {
            user.put(field, value);
        }
    }

    private static ApiException userExists(String username) {
        return new ApiException(ProblemCode.USER_EXISTS, username);
    }

    private RestClient admin() {
        return http.mutate().defaultHeader("Authorization", "Bearer " + accessToken()).build();
    }

    private synchronized String accessToken() {
        if (token == null || Instant.now().isAfter(tokenExpiry)) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            Map<String, Object> response = http.post()
                    .uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().onStatus(HttpStatusCode::isError, (request, r) -> {
                        throw new IllegalStateException("Keycloak refused the provisioning client "
                                + properties.clientId() + ": " + r.getStatusCode());
                    }).body(OBJECT);
            token = (String) response.get("access_token");
            long expiresIn = ((Number) response.getOrDefault("expires_in", 60)).longValue();
            tokenExpiry = Instant.now().plusSeconds(Math.max(5, expiresIn - 30));
        }
        return token;
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
