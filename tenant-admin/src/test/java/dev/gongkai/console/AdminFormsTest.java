package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.contract.AgencyView;
import dev.gongkai.contract.JurisdictionView;
import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.contract.MigrationStates;
import dev.gongkai.contract.MigrationSummary;
import dev.gongkai.contract.ProvisioningReport;
import dev.gongkai.contract.ProvisioningStep;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform admin's two forms on the agencies page, posted as the browser posts them (form fields and the CSRF
 * token) to a console whose tenants service is a stand-in answering from the contract's records: 「全部迁移」 when
 * some schemas fail (the service answers 500 with its {@link MigrationSummary}), and 「开通新机构」 (the service's
 * {@link ProvisioningReport}). The operator reads words in their language: the counts, the failed agencies by their
 * names, each step and what it did; no slug, schema, step or outcome code, no database message and no status code.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminFormsTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
    static final TenantsStub TENANTS = new TenantsStub();

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    String cookie;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gongkai.console.tenants-url", TENANTS::url);
        registry.add("gongkai.console.reports-url", () -> "http://127.0.0.1:1");
        registry.add("gongkai.console.publishing-url", () -> "http://127.0.0.1:1");
        registry.add("gongkai.console.redis-namespace", () -> "gongkai:test:" + UUID.randomUUID());
    }

    @BeforeEach
    void signIn() {
        cookie = SignedInSessions.platformAdminCookie(sessions, registrations, authorizedClients);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "zh-CN | 迁移完成：共 3 个机构，本次迁移 1 个，原已最新 0 个，失败 2 个。 | 乌海市教育局：迁移失败" + " | 乌海市公安局海勃湾分局：迁移失败 | 失败原因已记入租户服务的日志",
                "en | Migration finished: 3 agencies, 1 migrated now, 0 already up to date, 2 failed."
                        + " | 乌海市教育局: migration failed | 乌海市公安局海勃湾分局: migration failed"
                        + " | Why it failed is in the log of the tenants service"
            })
    void aFailedMigrateAllNamesTheFailedAgenciesInWords(
            String language, String counts, String firstFailed, String secondFailed, String hint) throws Exception {
        int calls = TENANTS.migrateAllCalls.size();

        HttpResponse<String> page = post("/admin/migrate-all", language, Map.of());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(TENANTS.migrateAllCalls).as("the service was asked once").hasSize(calls + 1);
        Document document = Jsoup.parse(page.body());
        String result = document.select("#migrate-all-result").text();
        assertThat(result).contains(counts, firstFailed, secondFailed, hint);
        assertThat(document.select("[data-test=migration-failed] li").eachText())
                .containsExactly(firstFailed, secondFailed);
        assertThat(result)
                .as("no code and no database message")
                .doesNotContain(
                        "wuhai-edu",
                        "wuhai-psb-haibowan",
                        "agency_wuhai",
                        "does not exist",
                        "change sets",
                        "FAILED",
                        "MIGRATED",
                        "500");
        assertThat(document.select("[data-test=problem]"))
                .as("not an error page")
                .isEmpty();
        assertThat(document.select("header").text()).contains("赵敏");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "zh-CN | 开通结果：乌海市审计局 | 登记 — 已完成 | 创建数据库模式 — 已完成 | 创建 Keycloak 组织 — 已存在" + " | 首位管理员 audit-admin 的临时密码",
                "en | Provisioning of 乌海市审计局 | Register — done | Create the schema — done"
                        + " | Create the Keycloak organization — already there"
                        + " | Temporary password of the first administrator audit-admin"
            })
    void provisioningAnAgencySendsTheFormAndShowsEachStepInWords(
            String language, String heading, String first, String second, String organization, String password)
            throws Exception {
        int before = TENANTS.provisioned.size();

        HttpResponse<String> page = post(
                "/admin/agencies",
                language,
                Map.of(
                        "slug", " wuhai-audit ",
                        "nameZh", "乌海市审计局",
                        "kind", "DEPARTMENT",
                        "jurisdiction", "wuhai",
                        "parent", "",
                        "adminUsername", "audit-admin"));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(TENANTS.provisioned).hasSize(before + 1);
        JsonNode sent = json.readTree(TENANTS.provisioned.getLast());
        assertThat(sent.path("slug").asString()).isEqualTo("wuhai-audit");
        assertThat(sent.path("nameZh").asString()).isEqualTo("乌海市审计局");
        assertThat(sent.path("kind").asString()).isEqualTo("DEPARTMENT");
        assertThat(sent.path("jurisdiction").asString()).isEqualTo("wuhai");
        assertThat(sent.has("parent")).as("a blank parent is not sent").isFalse();
        assertThat(sent.path("firstAdmin").path("username").asString()).isEqualTo("audit-admin");

        Document document = Jsoup.parse(page.body());
        String result = document.select("#provisioning").text();
        assertThat(result).contains(heading, first, second, organization, password, "Temp-7f3a-Pass");
        assertThat(document.select("#provisioning ol li")).hasSize(ProvisioningStep.values().length);
        assertThat(result)
                .as("no step or outcome code, no slug")
                .doesNotContain(
                        "REGISTER",
                        "CREATE_SCHEMA",
                        "MIGRATE_SCHEMA",
                        "CREATE_ORGANIZATION",
                        "CREATE_FIRST_ADMIN",
                        "ALREADY_DONE",
                        "DONE",
                        "PROVISIONED",
                        "wuhai-audit");
        assertThat(document.select("[data-test=problem]"))
                .as("not an error page")
                .isEmpty();
    }

    private HttpResponse<String> post(String path, String language, Map<String, String> fields) throws Exception {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(uri("/admin/agencies"))
                        .header("Cookie", cookie + "; GONGKAI_LANG=" + language)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("_csrf", token.group(1));
        String encoded = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", cookie + "; GONGKAI_LANG=" + language)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * The tenants service as far as the agencies page goes, every answer written from the contract's records: the
     * registry (乌海市 with 教育局, 公安局 and its 海勃湾分局), the schemas' migration state, migrate-all failing on two
     * schemas (500 with the summary, as the service answers it), and provisioning, which keeps each body it gets.
     * Any other call has its connection closed.
     */
    static final class TenantsStub {

        final List<Integer> migrateAllCalls = new CopyOnWriteArrayList<>();
        final List<String> provisioned = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final JsonMapper json = JsonMapper.builder().build();

        static final JurisdictionView WUHAI = new JurisdictionView("wuhai", "乌海市", null);
        static final List<AgencyView> AGENCIES = List.of(
                new AgencyView("wuhai-edu", "乌海市教育局", AgencyKind.DEPARTMENT, null, WUHAI, AgencyStatus.ACTIVE, false),
                new AgencyView("wuhai-psb", "乌海市公安局", AgencyKind.DEPARTMENT, null, WUHAI, AgencyStatus.ACTIVE, true),
                new AgencyView(
                        "wuhai-psb-haibowan",
                        "乌海市公安局海勃湾分局",
                        AgencyKind.POLICE_BRANCH,
                        "wuhai-psb",
                        WUHAI,
                        AgencyStatus.ACTIVE,
                        false));

        TenantsStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String call = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                switch (call) {
                    case "GET /api/jurisdictions" -> answer(exchange, 200, List.of(WUHAI));
                    case "GET /api/agencies" -> answer(exchange, 200, AGENCIES);
                    case "GET /api/admin/migrations" ->
                        answer(
                                exchange,
                                200,
                                new MigrationStates(
                                        12,
                                        3,
                                        1,
                                        List.of(
                                                new MigrationStates.SchemaState(
                                                        "wuhai-edu", "agency_wuhai_edu", 0, 12, 0, null, null, false),
                                                new MigrationStates.SchemaState(
                                                        "wuhai-psb",
                                                        "agency_wuhai_psb",
                                                        12,
                                                        0,
                                                        0,
                                                        "tenant-012",
                                                        java.time.LocalDateTime.of(2026, 12, 1, 8, 0),
                                                        true),
                                                new MigrationStates.SchemaState(
                                                        "wuhai-psb-haibowan",
                                                        "agency_wuhai_psb_haibowan",
                                                        10,
                                                        2,
                                                        0,
                                                        "tenant-010",
                                                        java.time.LocalDateTime.of(2026, 11, 1, 8, 0),
                                                        false))));
                    case "POST /api/admin/migrate-all" -> {
                        migrateAllCalls.add(1);
                        answer(
                                exchange,
                                500,
                                new MigrationSummary(
                                        3,
                                        1,
                                        0,
                                        2,
                                        List.of(
                                                new MigrationSummary.SchemaResult(
                                                        "wuhai-edu",
                                                        "agency_wuhai_edu",
                                                        MigrationOutcome.FAILED,
                                                        0,
                                                        12,
                                                        "schema agency_wuhai_edu does not exist"),
                                                new MigrationSummary.SchemaResult(
                                                        "wuhai-psb",
                                                        "agency_wuhai_psb",
                                                        MigrationOutcome.MIGRATED,
                                                        2,
                                                        340,
                                                        null),
                                                new MigrationSummary.SchemaResult(
                                                        "wuhai-psb-haibowan",
                                                        "agency_wuhai_psb_haibowan",
                                                        MigrationOutcome.FAILED,
                                                        1,
                                                        95,
                                                        "1 change sets not applied"))));
                    }
                    case "POST /api/agencies" -> {
                        provisioned.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                        answer(
                                exchange,
                                201,
                                new ProvisioningReport(
                                        "wuhai-audit",
                                        ProvisioningReport.Outcome.PROVISIONED,
                                        List.of(
                                                step(ProvisioningStep.REGISTER, ProvisioningReport.StepOutcome.DONE),
                                                step(
                                                        ProvisioningStep.CREATE_SCHEMA,
                                                        ProvisioningReport.StepOutcome.DONE),
                                                step(
                                                        ProvisioningStep.MIGRATE_SCHEMA,
                                                        ProvisioningReport.StepOutcome.DONE),
                                                step(
                                                        ProvisioningStep.CREATE_ORGANIZATION,
                                                        ProvisioningReport.StepOutcome.ALREADY_DONE),
                                                step(
                                                        ProvisioningStep.CREATE_FIRST_ADMIN,
                                                        ProvisioningReport.StepOutcome.DONE)),
                                        "audit-admin",
                                        "Temp-7f3a-Pass"));
                    }
                    default -> exchange.close();
                }
            });
            server.start();
        }

        private static ProvisioningReport.StepResult step(
                ProvisioningStep step, ProvisioningReport.StepOutcome outcome) {
            return new ProvisioningReport.StepResult(step, outcome);
        }

        private void answer(HttpExchange exchange, int status, Object record) throws IOException {
            byte[] answer = json.writeValueAsBytes(record);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
