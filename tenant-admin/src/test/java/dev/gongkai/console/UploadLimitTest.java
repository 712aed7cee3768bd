package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gongkai.contract.BatchSummary;
import dev.gongkai.contract.OnboardingOutcome;
import dev.gongkai.contract.OnboardingPlan;
import dev.gongkai.contract.UploadKind;
import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file over the limit of its kind of upload ({@link UploadKind}: attachments and a report's file 20 MB, the office's
 * archive 64 MB) sent as a browser sends it — multipart, the form's CSRF token after the file — to the attachments
 * upload, the import and the office's archive check: the user reads in their language (the console's language cookie)
 * that the file is too large and what the limit of that kind is (413), with a link back to the page the file was
 * chosen on, signed in still — whether the file is over the container's limit (the largest kind's, so its body is
 * refused unread) or only over its own kind's. Refused before any controller runs, so no service is needed (tenants
 * and publishing point at a closed port; the reports service is a stub that answers only the archive check, to show
 * that an archive over the old 20 MB reaches it). Without Tomcat reading the rest of the refused body
 * (server.tomcat.max-swallow-size) the connection is closed under the page and the client reads a broken response;
 * Chromium gets the page too.
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

    @Autowired
    MultipartConfigElement multipartConfig;

    @Value("${server.tomcat.max-swallow-size}")
    String swallow;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String cookie;

    static final int MB = 1024 * 1024;
    static final ReportsStub REPORTS = new ReportsStub();

    @DynamicPropertySource
    static void closedServices(DynamicPropertyRegistry registry) {
        registry.add("gongkai.console.tenants-url", () -> "http://127.0.0.1:1");
        registry.add("gongkai.console.reports-url", REPORTS::url);
        registry.add("gongkai.console.publishing-url", () -> "http://127.0.0.1:1");
        registry.add("gongkai.console.redis-namespace", () -> "gongkai:test:" + UUID.randomUUID());
    }

    @BeforeEach
    void signIn() {
        cookie = SignedInSessions.clerkCookie(sessions, registrations, authorizedClients);
    }

    /** Over its own kind's limit (21 MB), and over the container's too (65 MB): the page names the kind's limit. */
    @ParameterizedTest
    @CsvSource({
        "/reports/2025/attachments, 21, zh-CN, 文件超过 20 MB，未上传。请压缩或拆分后重试。, 返回",
        "/reports/2025/import,      21, zh-CN, 文件超过 20 MB，未上传。请压缩或拆分后重试。, 返回",
        "/reports/2025/attachments, 21, en,    The file is larger than 20 MB and was not uploaded., Back",
        "/reports/2025/import,      21, en,    The file is larger than 20 MB and was not uploaded., Back",
        "/reports/2025/attachments, 65, zh-CN, 文件超过 20 MB，未上传。请压缩或拆分后重试。, 返回",
        "/office/onboarding,        65, zh-CN, 文件超过 64 MB，未上传。请压缩或拆分后重试。, 返回",
        "/office/onboarding,        65, en,    The file is larger than 64 MB and was not uploaded., Back"
    })
    void aFileOverTheLimitIsRefusedInWordsWithTheLimitAndAWayBack(
            String path, int megabytes, String language, String words, String back) throws Exception {
        String token = csrfToken(path, language);
        int checks = REPORTS.checks.size();

        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", cookie + "; GONGKAI_LANG=" + language)
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(megabytes * MB, token)))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body())
                .contains(words)
                .contains("王芳")
                .containsPattern("<a href=\"" + Pattern.quote(path) + "\"[^>]*>[^<]*" + back)
                .doesNotContain("Exception", "413 ", "Payload", "Content Too Large");
        assertThat(REPORTS.checks).as("nothing reached the reports service").hasSize(checks);
    }

    /** An archive over the old 20 MB and within the archive's 64 MB is passed on to the reports service's check. */
    @Test
    void anArchiveWithinItsLimitReachesTheCheck() throws Exception {
        String path = "/office/onboarding";
        String token = csrfToken(path, "zh-CN");
        int checks = REPORTS.checks.size();

        HttpResponse<String> checked = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", cookie + "; GONGKAI_LANG=zh-CN")
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(30 * MB, token)))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(REPORTS.checks).hasSize(checks + 1);
        assertThat(REPORTS.checks.getLast())
                .as("the archive as uploaded, passed on whole")
                .isGreaterThan(30L * MB)
                .isLessThan(31L * MB);
        assertThat(checked.body())
                .contains("2021/乌海市公安局.txt", "/office/onboarding/import")
                .doesNotContain("文件超过");
    }

    @Test
    void thePagesNameTheLimitOfTheirKindAndTheContainerLetsTheLargestThrough() throws Exception {
        // The reports service refuses an attachment over the same 20 MB (AttachmentTest): both take it from UploadKind.
        assertThat(page("/reports/" + YEAR + "/attachments", "zh-CN"))
                .contains("PDF、PNG 或 JPEG 文件，不超过 20 MB，例如签章后的报告扫描件（备案用）。");
        assertThat(page("/reports/" + YEAR + "/attachments", "en"))
                .contains("A PDF, PNG or JPEG file of at most 20 MB, such as the scan");
        assertThat(page("/reports/" + YEAR + "/import", "zh-CN")).contains("（.docx、.html、.txt 或 .pdf，不超过 20 MB）");
        assertThat(page("/reports/" + YEAR + "/import", "en")).contains("(.docx, .html, .txt or .pdf, at most 20 MB)");
        assertThat(page("/office/onboarding", "zh-CN")).contains("年报压缩包（zip，不超过 64 MB）");
        assertThat(page("/office/onboarding", "en")).contains("Zip of reports (at most 64 MB)");
        assertThat(UploadKind.largest()).isEqualTo(UploadKind.ARCHIVE);
        assertThat(multipartConfig.getMaxFileSize()).isEqualTo(UploadKind.ARCHIVE.maxBytes());
        assertThat(DataSize.parse(swallow).toBytes())
                .as("server.tomcat.max-swallow-size")
                .isGreaterThan(multipartConfig.getMaxRequestSize());
    }

    private String page(String path, String language) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Cookie", cookie + "; GONGKAI_LANG=" + language)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
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
            browser.find("main form button[type=submit], main form input[type=submit]")
                    .click();
            browser.waitForText("[data-test=problem]", "文件超过 20 MB，未上传。请压缩或拆分后重试。");
            assertThat(browser.find("[data-test=problem]").getAttribute("data-status"))
                    .isEqualTo("413");
            assertThat(browser.find("header").getText()).contains("王芳");
            browser.assertAccessible();
            browser.click("[data-test=back]");
            browser.wait.until(d -> d.getCurrentUrl().endsWith(page));
            assertThat(browser.driver.findElements(By.cssSelector("input[type=file]")))
                    .hasSize(1);
        } finally {
            Files.delete(file);
        }
    }

    private String csrfToken(String path, String language) throws Exception {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", cookie + "; GONGKAI_LANG=" + language)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        return token.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * The reports service as far as the attachments page and the archive check: a draft of {@link #YEAR} without
     * attachments, and the check, which counts the bytes of each body it gets and answers one row; any other call has
     * its connection closed, as the closed port of the other services does.
     */
    static final class ReportsStub {

        final List<Long> checks = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        ReportsStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String json = path.equals("/api/reports/" + YEAR)
                        ? "{\"format\":\"2021\",\"year\":" + YEAR
                                + ",\"agency\":\"乌海市公安局\",\"status\":\"DRAFT\",\"revision\":1,\"cells\":{},"
                                + "\"narrative\":{},\"blank\":[]}"
                        : path.equals("/api/reports/" + YEAR + "/attachments") ? "[]" : null;
                if (json != null) {
                    answer(exchange, json);
                    return;
                }
                if (!path.equals("/api/office/imports/check")) {
                    exchange.close();
                    return;
                }
                long size;
                try (InputStream in = exchange.getRequestBody()) {
                    size = in.transferTo(OutputStream.nullOutputStream());
                }
                checks.add(size);
                // What the reports service answers, written from the contract's record so it is always complete.
                var plan = new OnboardingPlan(
                        1,
                        new BatchSummary(1, 1, 0, 0, 0, 0),
                        Map.of(OnboardingOutcome.IMPORT, 1L),
                        List.of(new OnboardingPlan.FileResult(
                                "2021/乌海市公安局.txt",
                                OnboardingOutcome.IMPORT,
                                "wuhai-psb",
                                "乌海市公安局",
                                "乌海市公安局",
                                2021,
                                "2021",
                                0,
                                0,
                                0,
                                null,
                                null,
                                null,
                                List.of())));
                answer(exchange, JsonMapper.builder().build().writeValueAsString(plan));
            });
            server.start();
        }

        private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
            byte[] answer = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    static final String BOUNDARY = "----gongkai" + UUID.randomUUID();

    /** As Chromium sends the form: the file first, then the hidden CSRF field Thymeleaf adds at the form's end. */
    static byte[] multipart(int size, String csrf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                                + "Content-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[size]);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                        + "\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
