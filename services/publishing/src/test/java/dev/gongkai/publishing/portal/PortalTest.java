package dev.gongkai.publishing.portal;

import static dev.gongkai.publishing.Clients.anyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import dev.gongkai.report.render.CanonicalJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** What anybody can read without logging in, and what they can never see. */
@PublishingTest
class PortalTest {

    static final String CITY = "portal-city";

    @TestTenant(jurisdiction = CITY, nameZh = "乌海市公安局")
    ManagedAgency police;

    @TestTenant(jurisdiction = CITY, nameZh = "乌海市教育局")
    ManagedAgency education;

    @TestTenant(jurisdiction = CITY, nameZh = "乌海市人民政府办公室", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "other-city", nameZh = "外市公安局")
    ManagedAgency foreign;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    MeterRegistry meters;

    private String page(ManagedAgency agency, int year) {
        return "/public/" + CITY + "/" + agency.slug() + "/" + year;
    }

    @Test
    void documentsAreTimedUnderTheirRouteAndCarryTheSameHeadersAsEveryOtherAnswer() throws Exception {
        events.published(education, 2015, Reports.json("乌海市教育局", 2015, 3), Reports.beijing(2016, 1, 9));
        events.pump();
        String route = PublishedDocuments.ROUTE + ".json";
        double before = timed(route, "200");

        MvcResult first = mvc.perform(get(page(education, 2015) + ".json").with(anyone()))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "public, max-age=60, must-revalidate"))
                .andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        mvc.perform(get(page(education, 2015) + ".json")
                        .with(anyone())
                        .header(HttpHeaders.IF_NONE_MATCH, "\"something-else\", W/" + etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag));
        mvc.perform(get(page(education, 2014) + ".json").with(anyone()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.instance").value(page(education, 2014) + ".json"))
                .andExpect(jsonPath("$.code").value("report.not-published"));

        assertThat(timed(route, "200")).isEqualTo(before + 1);
        assertThat(timed(route, "304")).isPositive();
        assertThat(timed(route, "404")).isPositive();
    }

    private double timed(String route, String status) {
        var timer = meters.find("http.server.requests")
                .tag("uri", route)
                .tag("status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void showsThePublishedReportInTheNationalLayoutWithItsPublication() throws Exception {
        events.published(police, 2021, Reports.json("乌海市公安局", 2021, 42), Reports.beijing(2022, 1, 19));
        events.pump();

        String html = body(mvc.perform(get(page(police, 2021)).with(anyone()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8"))
                .andReturn());

        assertThat(html)
                .contains(
                        "<html lang=\"zh-CN\">",
                        "乌海市公安局2021年政府信息公开工作年度报告",
                        "data-cell=\"s3.received.naturalPerson\">42</td>",
                        "data-cell=\"s2.licensing.decisions\">5</td>",
                        "data-cell=\"s4.review.other\" data-state=\"blank\"></td>",
                        "按时发布",
                        "第1版",
                        "发布与更正记录",
                        "未登记本机关网站",
                        // Printed, the page is the report: no navigation or links to elsewhere, headers repeated, rows
                        // whole.
                        "@media print{.skip,.switch,.portal nav,.portal .downloads,.portal .compare{display:none}",
                        "thead{display:table-header-group}",
                        "tr,th,td{break-inside:avoid}");
    }

    @Test
    void recordsAPublicationAfterThe31stOfJanuaryAsLate() throws Exception {
        events.published(police, 2022, Reports.json("乌海市公安局", 2022, 1), Reports.beijing(2023, 2, 1));
        events.published(office, 2022, Reports.json("乌海市人民政府办公室", 2022, 1), Reports.beijing(2023, 3, 31));
        events.pump();

        assertThat(body(mvc.perform(get(page(police, 2022)).with(anyone())).andReturn()))
                .contains("逾期发布");
        assertThat(body(mvc.perform(get(page(office, 2022)).with(anyone())).andReturn()))
                .contains("按时发布")
                .contains("2023-03-31");
        String front = body(mvc.perform(get("/public/" + CITY).with(anyone()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(front).contains("乌海市公安局", "乌海市教育局", "逾期发布", "按时发布", "未发布");
    }

    @Test
    void showsACorrectionAsTheCurrentRevisionAndKeepsTheFirstOneReadable() throws Exception {
        events.published(education, 2021, Reports.json("乌海市教育局", 2021, 10), Reports.beijing(2022, 1, 20));
        events.pump();
        MvcResult first = mvc.perform(get(page(education, 2021)).with(anyone())).andReturn();
        assertThat(body(first)).contains("data-cell=\"s3.received.naturalPerson\">10</td>");

        events.corrected(
                education, 2021, Reports.json("乌海市教育局", 2021, 11), Reports.beijing(2022, 3, 1), "表三本年新收申请数量录入错误。");
        events.pump();

        MvcResult second = mvc.perform(get(page(education, 2021))
                        .with(anyone())
                        .header(HttpHeaders.IF_NONE_MATCH, first.getResponse().getHeader(HttpHeaders.ETAG)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(body(second))
                .contains("data-cell=\"s3.received.naturalPerson\">11</td>", "第2版", "表三本年新收申请数量录入错误", "按时发布");
        // On top of the page, not only in the history below: corrected, why, and a link to the one it replaced.
        assertThat(body(second))
                .containsPattern("<p class=\"notice\" role=\"note\" id=\"corrected\">本报告已于"
                        + "<time[^>]*>2022-03-01 [0-9:]+</time>更正，更正原因：表三本年新收申请数量录入错误。<a href=\""
                        + page(education, 2021) + "/revisions/1\">已更正，查看原版本（第1版）</a></p>");
        assertThat(body(first)).doesNotContain("id=\"corrected\"");
        assertThat(body(mvc.perform(get(page(education, 2021) + "/revisions/1").with(anyone()))
                        .andExpect(status().isOk())
                        .andReturn()))
                .contains("data-cell=\"s3.received.naturalPerson\">10</td>", "已被更正");
        mvc.perform(get(page(education, 2021) + ".json").with(anyone()))
                .andExpect(jsonPath("$.cells['s3.received.naturalPerson']").value(11));
    }

    @Test
    void answersNotModifiedWhileTheDocumentIsUnchanged() throws Exception {
        events.published(police, 2020, Reports.json("乌海市公安局", 2020, 5), Reports.beijing(2021, 1, 10));
        events.pump();
        for (String suffix : new String[] {"", ".json", ".csv", ".pdf"}) {
            MvcResult first = mvc.perform(get(page(police, 2020) + suffix).with(anyone()))
                    .andExpect(status().isOk())
                    .andReturn();
            String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
            assertThat(etag).contains("r1.v");
            mvc.perform(get(page(police, 2020) + suffix).with(anyone()).header(HttpHeaders.IF_NONE_MATCH, etag))
                    .andExpect(status().isNotModified());
        }
    }

    @Test
    void servesCanonicalJsonAndCsvOfThePublishedRevision() throws Exception {
        String document = Reports.json("乌海市公安局", 2023, 8);
        events.published(police, 2023, document, Reports.beijing(2024, 1, 8));
        events.pump();

        assertThat(body(mvc.perform(get(page(police, 2023) + ".json").with(anyone()))
                        .andExpect(status().isOk())
                        .andReturn()))
                .isEqualTo(CanonicalJson.write(Reports.report("乌海市公安局", 2023, 8)));
        String csv = body(mvc.perform(get(page(police, 2023) + ".csv").with(anyone()))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.containsString("attachment")))
                .andReturn());
        assertThat(csv)
                .startsWith("\uFEFF项目,数值\r\n")
                .contains("\r\n一、本年新收政府信息公开申请数量 · 自然人,8\r\n", "\r\n第二十条第(八)项 行政事业性收费 · 本年收费金额(单位:万元),1.25\r\n")
                .doesNotContain("s3.received", "s2.fees");
    }

    @Test
    void rendersAPdfWhoseTextIsTheReportsLabelsAndNumbers() throws Exception {
        events.published(police, 2019, Reports.json("乌海市公安局", 2019, 37), Reports.beijing(2020, 1, 15));
        events.pump();

        byte[] pdf = mvc.perform(get(page(police, 2019) + ".pdf").with(anyone()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Table cells wrap their labels over several lines; compare without the line breaks.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text)
                    .contains(
                            "乌海市公安局2019年政府信息公开工作年度报告",
                            "一、总体情况",
                            "三、收到和处理政府信息公开申请情况",
                            "本年新收政府信息公开申请数量",
                            "自然人",
                            "37",
                            "四、政府信息公开行政复议、行政诉讼情况");
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
            var font = document.getPage(0)
                    .getResources()
                    .getFont(document.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(font.getName()).contains("WenQuanYi");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void neverShowsADraftOrAReturnedReport() throws Exception {
        events.status(education, 2024, "create", "DRAFT", Reports.beijing(2025, 1, 2));
        events.status(education, 2024, "submit", "SUBMITTED", Reports.beijing(2025, 1, 5));
        events.status(education, 2024, "return", "RETURNED", Reports.beijing(2025, 1, 6));
        events.pump();

        for (String path : new String[] {
            page(education, 2024),
            page(education, 2024) + ".json",
            page(education, 2024) + ".csv",
            page(education, 2024) + ".pdf",
            page(education, 2024) + "/revisions/1",
            page(education, 2024) + "/revisions/0"
        }) {
            mvc.perform(get(path).with(anyone()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.startsWith("re")));
        }
        String bulk = zipNames(
                        mvc.perform(get("/public/" + CITY + "/2024/bulk.zip").with(anyone()))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsByteArray())
                .toString();
        assertThat(bulk).doesNotContain(education.slug().value() + ".json");
    }

    @Test
    void refusesUnknownJurisdictionsAndAgenciesOfOtherJurisdictions() throws Exception {
        events.published(foreign, 2021, Reports.json("外市公安局", 2021, 1), Reports.beijing(2022, 1, 3));
        events.pump();

        mvc.perform(get("/public/nowhere").with(anyone()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("jurisdiction.not-found"))
                .andExpect(jsonPath("$.message_zh").exists())
                .andExpect(jsonPath("$.message_en").exists());
        mvc.perform(get("/public/" + CITY + "/" + foreign.slug() + "/2021").with(anyone()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
        mvc.perform(get("/public/" + CITY + "/no-such-agency/2021.json").with(anyone()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/public/Bad_Slug").with(anyone())).andExpect(status().is4xxClientError());
    }

    @Test
    void bundlesAYearAsJsonPerReportAndOneCsvWithAColumnPerCell() throws Exception {
        events.published(police, 2018, Reports.json("乌海市公安局", 2018, 2), Reports.beijing(2019, 1, 3));
        events.published(education, 2018, Reports.json("乌海市教育局", 2018, 9), Reports.beijing(2019, 2, 3));
        events.pump();

        byte[] zip = mvc.perform(get("/public/" + CITY + "/2018/bulk.zip").with(anyone()))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, String> files = zipNames(zip);
        assertThat(files)
                .containsKeys(
                        CITY + "-2018/" + police.slug() + ".json",
                        CITY + "-2018/" + education.slug() + ".json",
                        CITY + "-2018/" + CITY + "-2018.csv");
        String csv = files.get(CITY + "-2018/" + CITY + "-2018.csv");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        // A CSV for people: every column headed by the cell's name in words, values in words, times in Beijing.
        assertThat(lines[0])
                .startsWith("\uFEFF机关,年度,版本,发布时间,逾期发布,更正次数,历史导入,网站地址,")
                .contains("自然人")
                .doesNotContain("s3.", "s2v2019", "agency_name");
        assertThat(csv).contains("乌海市教育局,2018,1,2019-02-03 ").doesNotContain("false", "true", "Z,");

        String english = zipNames(mvc.perform(get("/public/" + CITY + "/2018/bulk.zip?lang=en")
                                .with(anyone()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .get(CITY + "-2018/" + CITY + "-2018.csv");
        assertThat(english)
                .startsWith("\uFEFFAgency,Year,Revision,Published at,Published late,")
                .contains(",no,")
                .doesNotContain("s3.");
    }

    @Test
    void comparesChosenCellsOfAgenciesAcrossYears() throws Exception {
        events.published(police, 2017, Reports.json("乌海市公安局", 2017, 6), Reports.beijing(2018, 1, 3));
        events.pump();
        String query = "?agencies=" + police.slug() + "," + education.slug()
                + "&cells=s3.received.naturalPerson,s3.granted.total&years=2017";

        String html =
                body(mvc.perform(get("/public/" + CITY + "/compare" + query).with(anyone()))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(html)
                .contains(
                        "<th scope=\"row\">乌海市公安局</th><th scope=\"row\">2017年</th>",
                        "data-cell=\"s3.received.naturalPerson\">6</td>",
                        "未发布");
        String csv =
                body(mvc.perform(get("/public/" + CITY + "/compare.csv" + query).with(anyone()))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(csv)
                .contains(
                        "机关,年度,发布情况,版本,一、本年新收政府信息公开申请数量 · 自然人,三、(一)予以公开 · 总计",
                        "乌海市公安局,2017,已发布,1,6,6",
                        "乌海市教育局,2017,未发布,,,");
        mvc.perform(get("/public/" + CITY + "/compare.csv?agencies=" + police.slug() + "&cells=s9.nothing&years=2017")
                        .with(anyone()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("compare.cell.unknown"));
    }

    @Test
    void feedsPublicationsAndCorrectionsAsAtom() throws Exception {
        events.published(police, 2016, Reports.json("乌海市公安局", 2016, 1), Reports.beijing(2017, 1, 3));
        events.corrected(police, 2016, Reports.json("乌海市公安局", 2016, 2), Reports.beijing(2017, 1, 9), "补正错字");
        events.pump();

        String feed = body(mvc.perform(get("/public/" + CITY + "/feed.atom").with(anyone()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/atom+xml;charset=UTF-8"))
                .andReturn());
        assertThat(feed)
                .contains(
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\"",
                        "乌海市公安局2016年政府信息公开工作年度报告（更正，第2版）",
                        "更正原因：补正错字",
                        "/public/" + CITY + "/" + police.slug() + "/2016");
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> zipNames(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
