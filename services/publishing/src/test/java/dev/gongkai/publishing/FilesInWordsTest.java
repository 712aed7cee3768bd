package dev.gongkai.publishing;

import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static dev.gongkai.publishing.Clients.anyone;
import static dev.gongkai.report.testing.Words.assertCsvInWords;
import static dev.gongkai.report.testing.Words.assertPdfInWords;
import static dev.gongkai.report.testing.Words.assertWords;
import static dev.gongkai.report.testing.Words.chinaDate;
import static dev.gongkai.report.testing.Words.chinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.platform.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every CSV and PDF publishing hands out is words, like the pages: times in China's time zone as
 * {@code 2026-01-20 07:30} (the day after the UTC date, as every moment here is 23:30 UTC), years never grouped, no
 * ISO timestamp, enum, rule id, cell key or message key, and CSV headers in words (Chinese, or English where the file
 * is asked for in English). The 2025 report of one agency, published and then corrected; the office's compiled
 * report, drafted and published.
 */
@PublishingTest
class FilesInWordsTest {

    private static final String CITY = "words-city";
    private static final int YEAR = 2025;

    /** Late in the China day: the date in China is the next one. */
    private static final Instant SUBMITTED = Instant.parse("2026-01-15T23:30:00Z");

    private static final Instant APPROVED = Instant.parse("2026-01-17T23:30:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-01-19T23:30:00Z");
    private static final Instant CORRECTED = Instant.parse("2026-03-04T23:30:00Z");
    private static final Instant TODAY = Instant.parse("2026-03-10T23:30:00Z");

    @TestTenant(jurisdiction = CITY, nameZh = "字词市人民政府办公室", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = CITY, nameZh = "字词市教育局")
    ManagedAgency education;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    TestClock.Settable clock;

    @BeforeEach
    void publishAndCorrect() throws Exception {
        clock.set(TODAY);
        events.status(education, YEAR, "submit", "SUBMITTED", 2, SUBMITTED, 0, 0, 0);
        events.status(education, YEAR, "approve", "APPROVED", 2, APPROVED, 0, 0, 0);
        events.published(education, YEAR, Reports.json("字词市教育局", YEAR, 10), PUBLISHED);
        events.status(education, YEAR, "publish", "PUBLISHED", 3, PUBLISHED, 0, 0, 0);
        events.status(education, YEAR, "correct", "DRAFT", 3, CORRECTED.minusSeconds(86_400), 0, 0, 0);
        events.corrected(education, YEAR, Reports.json("字词市教育局", YEAR, 11), CORRECTED, "表三本年新收申请数量录入错误");
        events.status(education, YEAR, "publish", "PUBLISHED", 5, CORRECTED, 0, 0, 0);
        events.pump();
    }

    @Test
    void thePublishedReportsPdfIsWordsClosedByItsRevisionAndChinaTime() throws Exception {
        String current = compact(assertPdfInWords(file(report() + ".pdf"), "the report's PDF"));
        assertThat(current).contains("第2版（更正），发布于" + compact(chinaTime(CORRECTED)));
        String first = compact(assertPdfInWords(file(report() + "/revisions/1.pdf"), "revision 1's PDF"));
        assertThat(first).contains("第1版，发布于" + compact(chinaTime(PUBLISHED))).doesNotContain("2026-01-19");
    }

    /**
     * The report's CSV is for people and their spreadsheets: every item named as the national format names it, every
     * value as published, no cell key anywhere (it used to be {@code key,label,value} with a column of cell keys).
     */
    @Test
    void thePublishedReportsCsvIsWordsOnly() throws Exception {
        for (String path : List.of(report() + ".csv", report() + "/revisions/1.csv")) {
            List<List<String>> rows = dev.gongkai.report.testing.Words.csvRows(file(path));
            assertThat(rows.getFirst()).containsExactly("项目", "数值");
            for (List<String> row : rows.subList(1, rows.size())) {
                assertWords(String.join(" | ", row), path + " (" + row.getFirst() + ")", List.of());
            }
            assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("报告年度", "2025"));
        }
    }

    @Test
    void theCompareCsvIsWordsInBothLanguages() throws Exception {
        String query = "/public/" + CITY + "/compare.csv?agencies=" + education.slug()
                + "&cells=s3.received.naturalPerson,s3.granted.total&years=" + YEAR;
        List<List<String>> zh = assertCsvInWords(file(query), true, "the compare CSV");
        assertThat(zh.get(1)).startsWith("字词市教育局", "2025", "已发布", "2");
        List<List<String>> en = assertCsvInWords(file(query + "&lang=en"), false, "the English compare CSV");
        assertThat(en.getFirst()).startsWith("Agency", "Year");
        assertThat(en.get(1)).contains("Published");
    }

    @Test
    void theBulkExportsCsvIsWordsWithChinaTimes() throws Exception {
        for (String lang : List.of("zh-CN", "en")) {
            Map<String, byte[]> zip = unzip(file("/public/" + CITY + "/" + YEAR + "/bulk.zip?lang=" + lang));
            byte[] csv = zip.get(CITY + "-" + YEAR + "/" + CITY + "-" + YEAR + ".csv");
            assertThat(csv).as("the CSV in %s", zip.keySet()).isNotNull();
            List<List<String>> rows =
                    assertCsvInWords(csv, lang.equals("zh-CN"), "the bulk export's CSV (" + lang + ")");
            List<String> line = row(rows, "字词市教育局");
            assertThat(line).contains(chinaTime(CORRECTED));
        }
    }

    @Test
    void theComplianceCsvShowsEveryTimeInChinaTime() throws Exception {
        byte[] csv = mvc.perform(get("/api/office/compliance")
                        .param("year", String.valueOf(YEAR))
                        .accept("text/csv")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = assertCsvInWords(csv, true, "the compliance CSV");
        List<String> header = rows.getFirst();
        List<String> line = row(rows, "字词市教育局");
        assertThat(line.get(header.indexOf("报送时间"))).isEqualTo(chinaTime(SUBMITTED));
        assertThat(line.get(header.indexOf("审核通过时间"))).isEqualTo(chinaTime(APPROVED));
        assertThat(line.get(header.indexOf("发布时间"))).isEqualTo(chinaTime(PUBLISHED));
        assertThat(line.get(header.indexOf("状态"))).isEqualTo("已发布");
    }

    @Test
    void theScorecardCsvShowsThePublicationsDayInChina() throws Exception {
        byte[] csv = mvc.perform(get("/api/office/scorecards")
                        .param("year", String.valueOf(YEAR))
                        .param("format", "csv")
                        .with(officeOf(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = assertCsvInWords(csv, true, "the scorecard CSV");
        List<String> line = row(rows, "字词市教育局");
        assertThat(line.get(rows.getFirst().indexOf("发布日期"))).isEqualTo(chinaDate(PUBLISHED));
        // The office itself has no report yet: a deduction whose evidence names its state in words.
        assertThat(row(rows, "字词市人民政府办公室")).isNotEmpty();
    }

    @Test
    void theCompiledReportsDraftAndPublishedFilesAreWords() throws Exception {
        var li = TestTokens.named("伟", "李", "office-" + office.slug(), List.of(office.slug()), Roles.OFFICE_ADMIN);
        String base = "/api/office/compiled";
        String version = mvc.perform(get(base + "?year=" + YEAR + "&scope=own").with(li))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);
        String narrative = """
                {"s1": "2025年，全市政府信息公开工作有序开展。",
                 "s5": "存在的主要问题是部分机关公开内容不够全面，下一步将加强培训和检查。",
                 "s6": "无"}""";
        String saved = mvc.perform(put(base + "/narrative?year=" + YEAR + "&scope=own")
                        .with(li)
                        .header(HttpHeaders.IF_MATCH, version)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(narrative))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);

        assertPdfInWords(office(base + ".pdf"), "the compiled draft's PDF");
        List<List<String>> draft = dev.gongkai.report.testing.Words.csvRows(office(base + ".csv"));
        assertThat(draft.getFirst()).containsExactly("项目", "数值");
        for (List<String> row : draft.subList(1, draft.size())) {
            assertWords(String.join(" | ", row), "the compiled draft's CSV (" + row.getFirst() + ")", List.of());
        }

        var publication = mvc.perform(post(base + "/publications?year=" + YEAR + "&scope=own")
                        .with(li)
                        .header(HttpHeaders.IF_MATCH, saved))
                .andReturn()
                .getResponse();
        assertThat(publication.getStatus())
                .as(publication.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(201);
        String published = compact(assertPdfInWords(
                file("/public/" + CITY + "/compiled/" + YEAR + "/own.pdf"), "the published compiled report's PDF"));
        // Published at the service's time, late in the China day: the next day in China.
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(
                        publication.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.publishedAt"))
                .isEqualTo(TODAY.toString());
        assertThat(published).contains("第1版，发布于" + compact(chinaTime(TODAY)));
    }

    private String report() {
        return "/public/" + CITY + "/" + education.slug() + "/" + YEAR;
    }

    private byte[] file(String path) throws Exception {
        return bytes(get(path).with(anyone()));
    }

    private byte[] office(String path) throws Exception {
        return bytes(get(path)
                .param("year", String.valueOf(YEAR))
                .param("scope", "own")
                .with(officeOf(office)));
    }

    private byte[] bytes(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static List<String> row(List<List<String>> rows, String first) {
        return rows.stream()
                .filter(r -> r.contains(first))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row of " + first + " in "
                        + rows.stream()
                                .map(r -> r.subList(0, Math.min(4, r.size())))
                                .toList()));
    }

    /** PDF text without the line breaks and spaces its layout puts in. */
    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
