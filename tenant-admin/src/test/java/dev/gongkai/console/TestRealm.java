package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users a test makes in the real realm and removes afterwards, through Keycloak's admin API with the provisioning
 * client's credentials (as the tenants service would), so that no test leans on, or changes, the demo's users.
 */
public final class TestRealm {

    private static final String ADMIN = ServiceStack.KEYCLOAK + "/admin/realms/gongkai";

    private TestRealm() {}

    /** A password the realm's policy accepts (length, four classes, not the username). */
    public static final String PASSWORD = "Gk-test-Pa55word!";

    /** A user who can sign in with {@link #PASSWORD} straight away; returns their id (the tokens' sub). */
    public static String createUser(String username, String familyName, String givenName) throws Exception {
        String body = """
                {"username":"%s","firstName":"%s","lastName":"%s","email":"%s@example.org","emailVerified":true,
                 "enabled":true,"credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(username, givenName, familyName, username, PASSWORD);
        send(HttpRequest.newBuilder(URI.create(ADMIN + "/users"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        Matcher id = ids(username);
        assertThat(id.find())
                .as("the new user " + username + " is in the realm")
                .isTrue();
        return id.group(1);
    }

    public static void deleteUser(String username) throws Exception {
        Matcher id = ids(username);
        while (id.find()) {
            send(HttpRequest.newBuilder(URI.create(ADMIN + "/users/" + id.group(1)))
                    .header("Authorization", "Bearer " + token())
                    .DELETE()
                    .build());
        }
    }

    private static Matcher ids(String username) throws Exception {
        String users = send(HttpRequest.newBuilder(URI.create(
                        ADMIN + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token())
                .build());
        return Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(users);
    }

    private static String token() throws Exception {
        String answer = send(HttpRequest.newBuilder(
                        URI.create(ServiceStack.KEYCLOAK + "/realms/gongkai/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=gongkai-provisioner"
                        + "&client_secret="
                        + System.getenv().getOrDefault("GONGKAI_PROVISIONER_SECRET", "provisioner-secret")))
                .build());
        Matcher value = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
        assertThat(value.find()).as(answer).isTrue();
        return value.group(1);
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(request.uri() + " " + answer.body()).isLessThan(300);
        return answer.body();
    }
}
