package dev.gongkai.publishing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.observability.CacheMetrics;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.RedisPorts;
import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.cache.DocumentCache;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportStates;
import dev.gongkai.report.render.ReportPdf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.util.unit.DataSize;

/** With Redis unreachable the portal still answers, and with the current revision: PostgreSQL is the truth. */
@PublishingTest
class RedisOutageTest {

    @TestTenant(jurisdiction = "outage-city", nameZh = "断网测试局")
    ManagedAgency agency;

    @Autowired
    Events events;

    @Autowired
    AgencyRegistry registry;

    @Autowired
    ReportStates states;

    @Autowired
    PublishedRevisions revisions;

    @Test
    void servesTheCurrentRevisionFromPostgresqlWhileRedisIsAway() throws Exception {
        events.published(agency, 2021, Reports.json("断网测试局", 2021, 4), Reports.beijing(2022, 1, 4));
        events.corrected(agency, 2021, Reports.json("断网测试局", 2021, 5), Reports.beijing(2022, 1, 9), "更正");
        events.pump();

        LettuceConnectionFactory nowhere = RedisPorts.connections(RedisPorts.free(), Duration.ofMillis(300));
        try {
            RedisTemplate<String, byte[]> bytes = new RedisTemplate<>();
            bytes.setConnectionFactory(nowhere);
            bytes.setKeySerializer(RedisSerializer.string());
            bytes.setValueSerializer(RedisSerializer.byteArray());
            bytes.afterPropertiesSet();
            PublicReports portal = new PublicReports(
                    registry,
                    states,
                    revisions,
                    new PublicationPointer(
                            new StringRedisTemplate(nowhere), states, Duration.ofMinutes(1), Duration.ofMinutes(1)),
                    new DocumentCache(bytes, Duration.ofMinutes(1), DataSize.ofMegabytes(1), CacheMetrics.NONE),
                    new ReportPdf("/nonexistent.ttc"),
                    Duration.ofSeconds(30));

            Served page = portal.document(
                    "outage-city", agency.slug().value(), 2021, PublicReports.Format.HTML, Lang.ZH, false);

            assertThat(page.etag()).contains("r2.");
            assertThat(new String(page.body().get(), StandardCharsets.UTF_8))
                    .contains("data-cell=\"s3.received.naturalPerson\">5</td>", "第2版");
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void keepsRenderedDocumentsInTheProcessWhileRedisIsAway() {
        LettuceConnectionFactory nowhere = RedisPorts.connections(RedisPorts.free(), Duration.ofMillis(300));
        try {
            RedisTemplate<String, byte[]> bytes = new RedisTemplate<>();
            bytes.setConnectionFactory(nowhere);
            bytes.setKeySerializer(RedisSerializer.string());
            bytes.setValueSerializer(RedisSerializer.byteArray());
            bytes.afterPropertiesSet();
            DocumentCache cache =
                    new DocumentCache(bytes, Duration.ofMinutes(1), DataSize.ofMegabytes(1), CacheMetrics.NONE);
            AtomicInteger renders = new AtomicInteger();
            Supplier<byte[]> pdf = () -> {
                renders.incrementAndGet();
                return "%PDF-1.7 rendered".getBytes(StandardCharsets.US_ASCII);
            };

            for (int i = 0; i < 3; i++) {
                assertThat(cache.get("outage-city/a/2021/r1/v1/pdf", pdf)).startsWith("%PDF".getBytes());
            }

            assertThat(renders).hasValue(1);
            assertThat(cache.inProcess("outage-city/a/2021/r1/v1/pdf")).isNotNull();
        } finally {
            nowhere.destroy();
        }
    }
}
