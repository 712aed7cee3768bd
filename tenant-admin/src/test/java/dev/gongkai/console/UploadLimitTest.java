package dev.gongkai.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over the console's upload limit (20 MB in application.yaml) sent as a browser sends it — multipart, the form's
 * CSRF token after the file — to the attachments upload and to the import: the user reads in their language (the
 * console's language cookie) that the file is too large and what the limit is (413), with a link back to the page the
 * file was chosen on, signed in still. Refused before any controller runs, so no service is needed (they point at a
 * closed port). Without Tomcat reading the rest of the refused body (server.tomcat.max-swallow-size) the connection is
 * closed under the page and the client reads a broken response; Chromium gets the page too.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitTest {

    static final int YEAR = 2025;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    SessionRepository<? extends Session> sessions;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String cookie;

    @DynamicPropertySource
    static void closedServices(DynamicPropertyRegistry registry) {
        registry.add("gongkai.console.tenants-url", () -> "http://127.0.0.1:1");
        registry.add("gongkai.console.reports-url", () -> "http://127.0.0.1:1");
        registry.add("gongkai.console.publishing-url", () -> "http://127.0.0.1:1");
        registry.add("gongkai.console.redis-namespace", () -> "gongkai:test:" + UUID.randomUUID());
    }

    @BeforeEach
    void signIn() {
        cookie = SignedInSessions.clerkCookie(sessions, registrations, authorizedClients);
    }

    @ParameterizedTest
    @CsvSource({
            "attachments, zh-CN, 文件超过 20 MB，未上传。请压缩或拆分后重试。, 返回",
            "import,      zh-CN, 文件超过 20 MB，未上传。请压缩或拆分后重试。, 返回",
            "attachments, en,    The file is larger than 20 MB and was not uploaded., Back",
            "import,      en,    The file is larger than 20 MB and was not uploaded., Back"})
    void aFileOverTheLimitIsRefusedInWordsWithTheLimitAndAWayBack(String page, String language, String words,
                                                                  String back) throws Exception {
        String path = "/reports/" + YEAR + "/" + page;
        String token = csrfToken(path, language);

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri(path))
                .header("Cookie", cookie + "; GONGKAI_LANG=" + language)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(21 * 1024 * 1024, token)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).contains(words).contains("王芳")
                .containsPattern("<a href=\"" + Pattern.quote(path) + "\"[^>]*>[^<]*" + back)
                .doesNotContain("Exception", "413 ", "Payload", "Content Too Large");
    }

    @Test
    void chromiumShowsThePageNotAResetConnection() throws Exception {
        Path file = Files.createTempFile("scan", ".pdf");
        Files.write(file, new byte[21 * 1024 * 1024]);
        try (Browser browser = new Browser()) {
            browser.driver.get(uri("/signed-out").toString());
            browser.driver.manage().addCookie(new Cookie("GONGKAI_CONSOLE", cookie.substring(cookie.indexOf('=') + 1)));
            String page = "/reports/" + YEAR + "/import";
            browser.driver.get(uri(page).toString());
            browser.find("input[type=file]").sendKeys(file.toString());
            browser.find("main form button[type=submit], main form input[type=submit]").click();
            browser.waitForText("[data-test=problem]", "文件超过 20 MB，未上传。请压缩或拆分后重试。");
            assertThat(browser.find("[data-test=problem]").getAttribute("data-status")).isEqualTo("413");
            assertThat(browser.find("header").getText()).contains("王芳");
            browser.assertAccessible();
            browser.click("[data-test=back]");
            browser.wait.until(d -> d.getCurrentUrl().endsWith(page));
            assertThat(browser.driver.findElements(By.cssSelector("input[type=file]"))).hasSize(1);
        } finally {
            Files.delete(file);
        }
    }

    private String csrfToken(String path, String language) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri(path))
                .header("Cookie", cookie + "; GONGKAI_LANG=" + language).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        return token.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static final String BOUNDARY = "----gongkai" + UUID.randomUUID();

    /** As Chromium sends the form: the file first, then the hidden CSRF field Thymeleaf adds at the form's end. */
    static byte[] multipart(int size, String csrf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[size]);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
