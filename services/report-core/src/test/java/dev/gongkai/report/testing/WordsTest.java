package dev.gongkai.report.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.render.ReportPdf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check of words against codes fails on each kind of code a person must not read, and passes words. */
class WordsTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    @Test
    void passesWordsAndChinaTimes() {
        Words.assertWords("第2版（更正），发布于 2026-01-20 07:30；2026年度；已发布；张三 1,234 件", "words", List.of());
        assertThat(Words.chinaTime(Instant.parse("2026-01-19T23:30:00Z"))).isEqualTo("2026-01-20 07:30");
        assertThat(Words.chinaDate(Instant.parse("2026-01-19T23:30:00Z"))).isEqualTo("2026-01-20");
    }

    @Test
    void failsOnEachKindOfCode() {
        for (String code : List.of(
                "2,026年度",
                "发布于 2026-01-19T23:30:00Z",
                "于 07:30:00.123 保存",
                "s3.received.total 为 5",
                "违反 NARRATIVE_NUMBER",
                "状态：PUBLISHED",
                "合规：OPEN",
                "??status.DRAFT??",
                "report.revision-stale")) {
            assertThatThrownBy(() -> Words.assertWords(code, "a text", List.of()))
                    .as(code)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("is a code");
        }
    }

    @Test
    void aCsvFailsOnAnIdentifierHeaderAndOnATimeWithSecondsOrAZone() {
        byte[] good = "\uFEFF机关,发布时间\r\n测试局,2026-01-20 07:30\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Words.assertCsvInWords(good, true, "good")).hasSize(2);
        assertThat(Words.assertCsvInWords(
                        "Agency,Published at\r\nX,\"a, b\"\r\n".getBytes(StandardCharsets.UTF_8), false, "en"))
                .containsExactly(List.of("Agency", "Published at"), List.of("X", "a, b"));
        for (String bad : List.of(
                "agency,发布时间\r\n测试局,2026-01-20 07:30\r\n",
                "机关,发布时间\r\n测试局,2026-01-20 07:30:00\r\n",
                "机关,发布时间\r\n测试局,2026-01-20 07:30+08:00\r\n",
                "机关,发布人\r\n测试局,psb-editor\r\n")) {
            assertThatThrownBy(() -> Words.assertCsvInWords(bad.getBytes(StandardCharsets.UTF_8), true, "bad"))
                    .as(bad)
                    .isInstanceOf(AssertionError.class);
        }
        assertThatThrownBy(() -> Words.assertCsvInWords(
                        "publishedAt\r\n2026-01-20 07:30\r\n".getBytes(StandardCharsets.UTF_8), false, "en"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("publishedAt");
    }

    @Test
    void readsAPdfsTextAndFailsOnACodeInIt() {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2021)
                .year(2026)
                .agency("测试市司法局")
                .build();
        String text = Words.assertPdfInWords(new ReportPdf(FONT).render(report, "第1版，发布于 2027-01-20 07:30"), "pdf");
        assertThat(text.replaceAll("\\s+", "")).contains("测试市司法局", "第1版，发布于2027-01-2007:30");
        byte[] iso = new ReportPdf(FONT).render(report, "第1版，发布于 2027-01-19T23:30:00Z");
        assertThatThrownBy(() -> Words.assertPdfInWords(iso, "pdf")).hasMessageContaining("2027-01-19T23:30");
    }
}
