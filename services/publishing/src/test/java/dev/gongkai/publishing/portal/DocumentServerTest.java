package dev.gongkai.publishing.portal;

import static dev.gongkai.publishing.Clients.anyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.portal.PublishedDocuments.Request;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The published documents on their own port (Netty), over real HTTP: the same answers as the service's own port,
 * from memory once warm, and nothing the public may not see.
 */
@PublishingTest
class DocumentServerTest {

    static final String CITY = "documents-city";

    @TestTenant(jurisdiction = CITY, nameZh = "乌海市公安局")
    ManagedAgency police;

    @TestTenant(jurisdiction = CITY, nameZh = "乌海市教育局")
    ManagedAgency education;

    @TestTenant(jurisdiction = "documents-elsewhere", nameZh = "外市公安局")
    ManagedAgency foreign;

    @Autowired
    DocumentServer server;

    @Autowired
    PublishedDocuments documents;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private String path(ManagedAgency agency, int year) {
        return "/public/" + CITY + "/" + agency.slug() + "/" + year;
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void answersWithTheSameBytesAndHeadersAsTheServicesOwnPortAndFromMemoryOnceWarm() throws Exception {
        events.published(police, 2021, Reports.json("乌海市公安局", 2021, 42), Reports.beijing(2022, 1, 19));
        events.pump();
        String page = path(police, 2021);
        Request asked = new Request(
                PublishedDocuments.target(page).orElseThrow(), null, null, "10.0.0.1", Lang.choose(null, null));
        assertThat(documents.answerInProcess(asked)).isEmpty();
        double timedBefore = timed("200");

        HttpResponse<byte[]> first = send("GET", page);
        MvcResult servlet = mvc.perform(get(page).with(anyone())).andReturn();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(new String(first.body(), StandardCharsets.UTF_8))
                .contains("乌海市公安局2021年政府信息公开工作年度报告", "data-cell=\"s3.received.naturalPerson\">42</td>");
        assertThat(first.body()).isEqualTo(servlet.getResponse().getContentAsByteArray());
        for (String header : List.of(
                HttpHeaders.ETAG,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.CACHE_CONTROL,
                "X-Content-Type-Options",
                "X-Frame-Options",
                "X-XSS-Protection")) {
            assertThat(first.headers().firstValue(header))
                    .as(header)
                    .contains(servlet.getResponse().getHeader(header));
        }
        assertThat(first.headers().firstValue(HttpHeaders.CONTENT_TYPE)).contains("text/html;charset=UTF-8");
        assertThat(first.headers().firstValue(HttpHeaders.VARY))
                .contains(HttpHeaders.ACCEPT_ENCODING + ", " + HttpHeaders.COOKIE);
        assertThat(first.headers().firstValue(HttpHeaders.DATE)).isPresent();

        assertThat(documents.answerInProcess(asked))
                .as("answered from memory once warm")
                .isPresent();
        HttpResponse<byte[]> second = send("GET", page);
        assertThat(second.body()).isEqualTo(first.body());
        String etag = first.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
        HttpResponse<byte[]> unchanged = send("GET", page, HttpHeaders.IF_NONE_MATCH, "\"other\", W/" + etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        HttpResponse<byte[]> head = send("HEAD", page);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH)).hasValue(first.body().length);
        assertThat(head.body()).isEmpty();

        assertThat(timed("200")).as("two here, one on the service's port").isEqualTo(timedBefore + 3);
        assertThat(timed("304")).isPositive();

        // The page in the language the reader chose, remembered in a cookie: another document, another tag.
        HttpResponse<byte[]> english = send("GET", page + "?lang=en");
        assertThat(new String(english.body(), StandardCharsets.UTF_8))
                .contains("<html lang=\"en\">", "Publication history");
        assertThat(english.headers().firstValue(HttpHeaders.SET_COOKIE).orElseThrow())
                .startsWith("lang=en;");
        assertThat(english.headers().firstValue(HttpHeaders.ETAG))
                .isNotEqualTo(first.headers().firstValue(HttpHeaders.ETAG));
        assertThat(new String(send("GET", page, HttpHeaders.COOKIE, "lang=en").body(), StandardCharsets.UTF_8))
                .contains("<html lang=\"en\">");
    }

    private double timed(String status) {
        var timer = meters.find("http.server.requests")
                .tag("uri", PublishedDocuments.ROUTE)
                .tag("method", "GET")
                .tag("status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void compressesTextOnceForClientsThatTakeGzipButNotThePdf() throws Exception {
        events.published(police, 2020, Reports.json("乌海市公安局", 2020, 7), Reports.beijing(2021, 1, 19));
        events.pump();
        String page = path(police, 2020);
        HttpResponse<byte[]> plain = send("GET", page);

        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<byte[]> gzipped = send("GET", page, HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
            assertThat(gzipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING))
                    .contains("gzip");
            assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
            assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
            assertThat(gzipped.headers().firstValue(HttpHeaders.ETAG))
                    .isNotEqualTo(plain.headers().firstValue(HttpHeaders.ETAG));
        }
        HttpResponse<byte[]> json =
                send("GET", page + ".json", HttpHeaders.ACCEPT_ENCODING, "gzip", "X-Forwarded-For", someAddress());
        assertThat(new String(gunzip(json.body()), StandardCharsets.UTF_8))
                .contains("\"s3.received.naturalPerson\": 7");
        HttpResponse<byte[]> pdf = send("GET", page + ".pdf", HttpHeaders.ACCEPT_ENCODING, "gzip");
        assertThat(pdf.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void showsACorrectionAtOnceThoughThePreviousRevisionWasInMemory() throws Exception {
        events.published(education, 2021, Reports.json("乌海市教育局", 2021, 10), Reports.beijing(2022, 1, 20));
        events.pump();
        String page = path(education, 2021);
        send("GET", page);
        assertThat(new String(send("GET", page).body(), StandardCharsets.UTF_8))
                .contains("data-cell=\"s3.received.naturalPerson\">10</td>");

        events.corrected(
                education, 2021, Reports.json("乌海市教育局", 2021, 11), Reports.beijing(2022, 3, 1), "表三本年新收申请数量录入错误");
        events.pump();

        assertThat(new String(send("GET", page).body(), StandardCharsets.UTF_8))
                .contains("data-cell=\"s3.received.naturalPerson\">11</td>", "第2版", "表三本年新收申请数量录入错误");
    }

    @Test
    void neverRevealsADraftAReturnedReportOrAnotherJurisdictionsAgency() throws Exception {
        events.status(education, 2024, "create", "DRAFT", Reports.beijing(2025, 1, 2));
        events.status(education, 2024, "submit", "SUBMITTED", Reports.beijing(2025, 1, 5));
        events.status(education, 2024, "return", "RETURNED", Reports.beijing(2025, 1, 6));
        events.published(foreign, 2021, Reports.json("外市公安局", 2021, 1), Reports.beijing(2022, 1, 3));
        events.pump();

        for (String suffix : List.of("", ".json", ".csv", ".pdf")) {
            HttpResponse<byte[]> hidden = send("GET", path(education, 2024) + suffix, "X-Forwarded-For", someAddress());
            assertThat(hidden.statusCode()).isEqualTo(404);
            assertThat(hidden.headers().firstValue(HttpHeaders.CONTENT_TYPE)).contains("application/problem+json");
            assertThat(new String(hidden.body(), StandardCharsets.UTF_8))
                    .contains(
                            "\"code\":\"report.not-published\"",
                            "\"message_zh\"",
                            "\"message_en\"",
                            "\"instance\":\"" + path(education, 2024) + suffix + "\"");
        }
        HttpResponse<byte[]> elsewhere = send("GET", "/public/" + CITY + "/" + foreign.slug() + "/2021");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(new String(elsewhere.body(), StandardCharsets.UTF_8))
                .contains("agency.not-found")
                .doesNotContain("外市公安局");
        assertThat(send("GET", "/public/" + CITY).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/public/" + CITY + "/" + education.slug() + "/2024/revisions/1")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<byte[]> written = send("POST", path(education, 2024));
        assertThat(written.statusCode()).isEqualTo(405);
        assertThat(written.headers().firstValue(HttpHeaders.ALLOW))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "HEAD"));
    }

    @Test
    void limitsOpenDataPerClientAddressBehindTheIngress() throws Exception {
        events.published(police, 2019, Reports.json("乌海市公安局", 2019, 3), Reports.beijing(2020, 1, 9));
        events.pump();
        String client = someAddress();
        for (int i = 0; i < PublishingTest.RATE_LIMIT; i++) {
            assertThat(send("GET", path(police, 2019) + ".json", "X-Forwarded-For", client)
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<byte[]> refused =
                send("GET", path(police, 2019) + ".csv", "X-Forwarded-For", "198.51.100.7, " + client);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValueAsLong(HttpHeaders.RETRY_AFTER).orElseThrow())
                .isBetween(1L, 60L);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("rate-limit.exceeded");
        assertThat(send("GET", path(police, 2019) + ".json", "X-Forwarded-For", someAddress())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", path(police, 2019), "X-Forwarded-For", client).statusCode())
                .as("pages are not open data")
                .isEqualTo(200);
    }

    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    @Test
    void answersPipelinedRequestsInTheirOrderWhateverEachTakes() throws Exception {
        events.published(police, 2018, Reports.json("乌海市公安局", 2018, 5), Reports.beijing(2019, 1, 9));
        events.pump();
        String page = path(police, 2018);
        String requests = "GET " + page + ".pdf HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET " + page + " HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD " + page + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

        String answers;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        List<String> statuses = new ArrayList<>();
        Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(answers);
        while (status.find()) {
            statuses.add(status.group(1));
        }
        assertThat(statuses).containsExactly("200", "404", "200", "200");
        assertThat(answers.indexOf("%PDF-")).isLessThan(answers.indexOf("document.not-found"));
        assertThat(answers).endsWith("\r\n\r\n").contains("connection: close");
    }

    @Test
    void refusesAPathThatIsNoUriAtOnce() throws Exception {
        for (String path : List.of(
                "/public/" + CITY + "/a|b/2021",
                "/public/" + CITY + "/%22x%22/2021\"",
                "/public/" + CITY + "/x%zz/2021",
                "/public/\"" + CITY + "/x/2021.pdf")) {
            String answer;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] head = new byte[12];
                int read = socket.getInputStream().readNBytes(head, 0, head.length);
                answer = new String(head, 0, read, StandardCharsets.ISO_8859_1);
            }
            assertThat(answer).as(path).isEqualTo("HTTP/1.1 400");
        }
    }
}
