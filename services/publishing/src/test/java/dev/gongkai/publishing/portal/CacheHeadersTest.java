package dev.gongkai.publishing.portal;

import static dev.gongkai.publishing.Clients.anyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What a cache in front of the service (an ingress, a CDN, a browser) may keep, over real HTTP: the year's current
 * revision a minute, then revalidated with its strong {@code ETag}; each published revision's files, at a URL of
 * their own, for a year, since they never change.
 */
@PublishingTest
class CacheHeadersTest {

    static final String CITY = "cache-city";

    @TestTenant(jurisdiction = CITY, nameZh = "乌海市林业局")
    ManagedAgency forestry;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<byte[]> send(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", someAddress());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
    }

    @Test
    void keepsTheCurrentRevisionAMinuteAndEachPublishedRevisionForAYearAtItsOwnUrl() throws Exception {
        events.published(forestry, 2021, Reports.json("乌海市林业局", 2021, 10), Reports.beijing(2022, 1, 20));
        events.pump();
        String page = "/public/" + CITY + "/" + forestry.slug() + "/2021";
        String first = page + "/revisions/1.json";

        HttpResponse<byte[]> current = send(page);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue(HttpHeaders.CACHE_CONTROL))
                .contains("public, max-age=60, must-revalidate");
        assertThat(etag(current)).startsWith("\"").endsWith("\""); // strong: no W/
        assertThat(send(page, HttpHeaders.IF_NONE_MATCH, etag(current)).statusCode())
                .isEqualTo(304);

        HttpResponse<byte[]> revision = send(first);
        assertThat(revision.statusCode()).isEqualTo(200);
        assertThat(revision.headers().firstValue(HttpHeaders.CACHE_CONTROL))
                .contains("public, max-age=31536000, immutable");
        assertThat(etag(revision)).startsWith("\"").endsWith("\"");
        assertThat(new String(revision.body(), StandardCharsets.UTF_8)).contains("\"s3.received.naturalPerson\": 10");
        HttpResponse<byte[]> unchanged = send(first, HttpHeaders.IF_NONE_MATCH, etag(revision));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue(HttpHeaders.CACHE_CONTROL))
                .contains("public, max-age=31536000, immutable");
        HttpResponse<byte[]> pdf = send(page + "/revisions/1.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue(HttpHeaders.CACHE_CONTROL)).contains("public, max-age=31536000, immutable");
        assertThat(pdf.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION))
                .hasValueSatisfying(d -> assertThat(d).contains(forestry.slug() + "-2021-r1.pdf"));
        assertThat(send(page + "/revisions/2.json").statusCode()).isEqualTo(404);

        events.corrected(
                forestry, 2021, Reports.json("乌海市林业局", 2021, 11), Reports.beijing(2022, 3, 1), "表三本年新收申请数量录入错误。");
        events.pump();

        HttpResponse<byte[]> corrected = send(page, HttpHeaders.IF_NONE_MATCH, etag(current));
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(etag(corrected)).isNotEqualTo(etag(current));
        assertThat(new String(corrected.body(), StandardCharsets.UTF_8))
                .contains("data-cell=\"s3.received.naturalPerson\">11</td>");
        HttpResponse<byte[]> firstAgain = send(first);
        assertThat(firstAgain.body()).isEqualTo(revision.body());
        assertThat(etag(firstAgain)).isEqualTo(etag(revision));
        assertThat(send(first, HttpHeaders.IF_NONE_MATCH, etag(revision)).statusCode())
                .isEqualTo(304);
        assertThat(new String(send(page + "/revisions/2.json").body(), StandardCharsets.UTF_8))
                .contains("\"s3.received.naturalPerson\": 11");

        // MockMvc, as the other tests drive the service, sees the same.
        MvcResult servlet = mvc.perform(get(first).with(anyone()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable"))
                .andExpect(header().string(HttpHeaders.ETAG, etag(revision)))
                .andReturn();
        assertThat(servlet.getResponse().getContentAsByteArray()).isEqualTo(revision.body());
        mvc.perform(get(page).with(anyone()).header(HttpHeaders.IF_NONE_MATCH, etag(corrected)))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "public, max-age=60, must-revalidate"));
    }
}
