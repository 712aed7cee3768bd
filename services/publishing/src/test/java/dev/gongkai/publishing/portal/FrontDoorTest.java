package dev.gongkai.publishing.portal;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.publishing.Clients.anyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The portal's front door, its search, its pages in one language, compare for people, the feed's page, and problems
 * as pages for browsers.
 */
@PublishingTest
class FrontDoorTest {

    @TestTenant(jurisdiction = "door-city", nameZh = "门市公安局")
    ManagedAgency police;

    @TestTenant(jurisdiction = "door-district", nameZh = "门市公安局东区分局", kind = AgencyKind.POLICE_BRANCH)
    ManagedAgency branch;

    @TestTenant(jurisdiction = "door-city", nameZh = "门市教育局")
    ManagedAgency education;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void city() {
        dsl.update(JURISDICTION)
                .set(JURISDICTION.PARENT_SLUG, "door-city")
                .where(JURISDICTION.SLUG.eq("door-district"))
                .execute();
        dsl.update(AGENCY)
                .set(AGENCY.PARENT_SLUG, police.slug().value())
                .where(AGENCY.SLUG.eq(branch.slug().value()))
                .execute();
        events.published(police, 2009, Reports.json("门市公安局", 2009, 1), Reports.beijing(2010, 3, 1));
        events.published(police, 2021, Reports.json("门市公安局", 2021, 4), Reports.beijing(2022, 1, 19));
        events.published(branch, 2021, Reports.json("门市公安局东区分局", 2021, 2), Reports.beijing(2022, 1, 20));
        events.corrected(branch, 2021, Reports.json("门市公安局东区分局", 2021, 3), Reports.beijing(2022, 2, 10), "第三部分数字更正");
        events.pump();
    }

    /** The test's agencies are removed after each test; a parent link would hold them. */
    @AfterEach
    void unlink() {
        dsl.update(AGENCY)
                .setNull(AGENCY.PARENT_SLUG)
                .where(AGENCY.SLUG.eq(branch.slug().value()))
                .execute();
    }

    private ResultActions browse(String path) throws Exception {
        return mvc.perform(get(path).with(anyone()).accept(MediaType.TEXT_HTML, MediaType.ALL));
    }

    private static String html(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theRootIsAPageWithTheJurisdictionTreeTheSearchAndEveryYearOnRecord() throws Exception {
        String page = html(
                browse("/").andExpect(status().isOk()).andExpect(content().contentType("text/html;charset=UTF-8")));
        assertThat(page)
                .contains(
                        "<html lang=\"zh-CN\">",
                        "按机关名称查找",
                        "action=\"/public/search\"",
                        "data-year=\"2021\"",
                        "data-year=\"2009\"",
                        "lang=en\" lang=\"en\" hreflang=\"en\">English</a>");
        // The district hangs under the city in the tree.
        int city = page.indexOf("data-jurisdiction=\"door-city\"");
        int district = page.indexOf("data-jurisdiction=\"door-district\"");
        assertThat(city).isPositive();
        assertThat(page.substring(city, district)).contains("<ul>");
        // One language per page: no English beside the Chinese.
        assertThat(page).doesNotContain("Skip to content", "Jurisdictions");

        String english = html(browse("/?lang=en").andExpect(status().isOk()));
        assertThat(english)
                .contains("<html lang=\"en\">", "Jurisdictions", "Years on record", "Find an agency by name", ">中文</a>")
                .doesNotContain("辖区</h2>", "跳到正文");
    }

    @Test
    void theSearchFindsAgenciesByNameUnderTheirParent() throws Exception {
        String page = html(browse("/public/search?q=分局").andExpect(status().isOk()));
        assertThat(page).contains("找到 1 个机关");
        int parent = page.indexOf("data-agency=\"" + police.slug() + "\"");
        int child = page.indexOf("data-agency=\"" + branch.slug() + "\"");
        assertThat(parent).isPositive().isLessThan(child);
        assertThat(page).contains("/public/door-district/" + branch.slug() + "/2021");
        assertThat(html(browse("/public/search?q=没有这个机关"))).contains("找到 0 个机关");
    }

    @Test
    void theJurisdictionPageShowsEveryYearOnRecordAndBranchesUnderTheirParent() throws Exception {
        String page = html(browse("/public/door-city").andExpect(status().isOk()));
        assertThat(page)
                .contains(
                        "<th scope=\"col\">2009年</th>",
                        "<th scope=\"col\">2021年</th>",
                        "在测试辖区 door-district发布",
                        "href=\"/public/door-district\"");
        assertThat(page.indexOf("data-agency=\"" + police.slug() + "\""))
                .isLessThan(page.indexOf("data-agency=\"" + branch.slug() + "\""));
        String district = html(browse("/public/door-district?lang=en").andExpect(status().isOk()));
        assertThat(district).contains("<html lang=\"en\">", "Published on time").doesNotContain("按时发布");
    }

    @Test
    void theFeedHasAPageForPeopleBesideTheAtomDocument() throws Exception {
        String page = html(browse("/public/door-district/feed").andExpect(status().isOk()));
        assertThat(page)
                .contains("门市公安局东区分局 2021年度报告", "更正（第 2 版）", "第三部分数字更正", "href=\"/public/door-district/feed.atom\"");
    }

    @Test
    void everyPageIsInOneLanguageAndTheChoiceOfEnglishIsRemembered() throws Exception {
        String report = "/public/door-city/" + police.slug() + "/2021";
        List<String> pages = List.of(
                "/",
                "/public/search?q=公安",
                "/public/door-city",
                "/public/door-district/feed",
                "/public/feed",
                "/public/door-city/compare?agencies=" + police.slug() + "&years=2021",
                report,
                "/public/door-district/" + branch.slug() + "/2021/revisions/1",
                "/public/no-such-place");
        for (String path : pages) {
            String chinese = html(browse(path));
            assertThat(chinese)
                    .as(path)
                    .contains("<html lang=\"zh-CN\">", "hreflang=\"en\">English</a>")
                    .doesNotContain("Skip to content", "Home</a>", "Publication history", "Measures");
        }
        // The report page: the shell in Chinese, nothing of it twice.
        assertThat(html(browse(report)))
                .contains("发布信息", "法定期限", "发布与更正记录", "下载：")
                .doesNotContain("Legal deadline", "not recorded");

        // The switch keeps the page and remembers the choice; the report itself stays the national (Chinese) form.
        MvcResult english = browse(report + "?lang=en")
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.SET_COOKIE, containsString("lang=en")))
                .andExpect(header().string(HttpHeaders.VARY, containsString("Cookie")))
                .andReturn();
        assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "<html lang=\"en\">",
                        "Publication history",
                        "Legal deadline",
                        "<article class=\"annual-report\" lang=\"zh-CN\"",
                        "href=\"" + report + "?lang=zh\" lang=\"zh-CN\" hreflang=\"zh-CN\">中文</a>")
                .doesNotContain("发布与更正记录", "法定期限", "跳到正文");
        Cookie remembered = new Cookie("lang", "en");
        for (String path : pages) {
            String page = html(mvc.perform(
                    get(path).with(anyone()).cookie(remembered).accept(MediaType.TEXT_HTML, MediaType.ALL)));
            assertThat(page)
                    .as(path)
                    .contains("<html lang=\"en\">", "hreflang=\"zh-CN\">中文</a>")
                    .doesNotContain("跳到正文", "首页", "发布与更正记录", "对比结果");
        }
        // Back to Chinese replaces the remembered English.
        mvc.perform(get("/public/door-city?lang=zh")
                        .with(anyone())
                        .cookie(remembered)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(header().string(HttpHeaders.SET_COOKIE, containsString("lang=zh")))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")));
    }

    @Test
    void comparesAgenciesYearsAndMeasuresPickedFromListsOfWords() throws Exception {
        // Every report page links to compare, with its agency and year picked.
        String compare = "/public/door-city/compare?agencies=" + police.slug() + "&amp;years=2021";
        assertThat(html(browse("/public/door-city/" + police.slug() + "/2021"))).contains("href=\"" + compare + "\"");

        String page = html(browse(compare.replace("&amp;", "&")).andExpect(status().isOk()));
        assertThat(page)
                .contains(
                        "name=\"agencies\" value=\"" + police.slug() + "\" id=\"agency-" + police.slug()
                                + "\" checked=\"checked\">",
                        "name=\"agencies\" value=\"" + education.slug() + "\" id=\"agency-" + education.slug() + "\">",
                        "name=\"years\" value=\"2021\" id=\"year-2021\" checked=\"checked\">",
                        "name=\"years\" value=\"2009\" id=\"year-2009\">",
                        // Measures are named as the national tables name them; the common ones are picked when none is.
                        "id=\"cell-common-s3.received.total\" checked=\"checked\"> <label for=\"cell-common-s3.received.total\">"
                                + "一、本年新收政府信息公开申请数量 · 总计</label>",
                        "<label for=\"cell-s3.denied.stateSecret.naturalPerson\">三、(三)不予公开 1.属于国家秘密 · 自然人</label>",
                        // The answer: a table with row headers, a chart with its numbers as text, and a CSV link.
                        "<th scope=\"row\">门市公安局</th><th scope=\"row\">2021年</th>",
                        "<th scope=\"col\" data-cell=\"s3.received.total\">一、本年新收政府信息公开申请数量 · 总计</th>",
                        "data-cell=\"s3.received.total\">4</td>",
                        "<svg role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\"",
                        "<desc id=\"chart-1-desc\">门市公安局 2021年：4</desc>",
                        "/public/door-city/compare.csv?");
        // No key is ever read as words: only in attributes.
        assertThat(page.replaceAll("<[^>]*>", " ")).doesNotContainPattern("s[1-6]\\.[a-z]");

        String both = html(browse("/public/door-city/compare?agencies=" + police.slug() + "&agencies="
                + education.slug() + "&years=2021&years=2009&cells=s3.received.total"));
        assertThat(both)
                .contains(
                        "<tr data-agency=\"" + education.slug() + "\" data-year=\"2021\"><th scope=\"row\">"
                                + "门市教育局</th><th scope=\"row\">2021年</th><td colspan=\"1\" class=\"none\">未发布</td>",
                        "门市公安局 2009年：1");

        String csv = mvc.perform(get("/public/door-city/compare.csv?agencies=" + police.slug() + "," + education.slug()
                                + "&years=2021&cells=s3.received.total,s3.granted.total")
                        .with(anyone()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "\uFEFF机关,年度,发布情况,版本,一、本年新收政府信息公开申请数量 · 总计,三、(一)予以公开 · 总计",
                        "门市公安局,2021,已发布,1,4,4",
                        "门市教育局,2021,未发布,,,");
        String englishCsv = mvc.perform(get("/public/door-city/compare.csv?agencies=" + police.slug()
                                + "&years=2021&cells=s3.received.total&lang=en")
                        .with(anyone()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(englishCsv)
                .startsWith("\uFEFFAgency,Year,Publication,Revision,")
                .contains("Published");
    }

    @Test
    void comparesABranchRegisteredInADistrictBesideItsParentInTheCity() throws Exception {
        // The branch's report page leads to the city's compare page, with its parent picked beside it.
        String compare = "/public/door-city/compare?agencies=" + police.slug() + "&amp;agencies=" + branch.slug()
                + "&amp;years=2021";
        assertThat(html(browse("/public/door-district/" + branch.slug() + "/2021")))
                .contains("<p class=\"compare\"><a href=\"" + compare + "\">");

        String page = html(browse(compare.replace("&amp;", "&") + "&cells=s3.received.total")
                .andExpect(status().isOk()));
        // Offered under its parent, in the city's list.
        assertThat(page)
                .contains("<li class=\"branch\"><input type=\"checkbox\" name=\"agencies\" value=\"" + branch.slug()
                        + "\" id=\"agency-" + branch.slug() + "\" checked=\"checked\">");
        assertThat(page.indexOf("id=\"agency-" + police.slug() + "\""))
                .isLessThan(page.indexOf("id=\"agency-" + branch.slug() + "\""));
        // Both agencies' published numbers, side by side (the branch's from its correction).
        assertThat(page)
                .contains(
                        "<tr data-agency=\"" + branch.slug() + "\" data-year=\"2021\"><th scope=\"row\">"
                                + "门市公安局东区分局</th><th scope=\"row\">2021年</th>"
                                + "<td class=\"num\" data-cell=\"s3.received.total\">3</td>",
                        "门市公安局 2021年：4；门市公安局东区分局 2021年：3");
        String csv = mvc.perform(get("/public/door-city/compare.csv?agencies=" + police.slug() + "," + branch.slug()
                                + "&years=2021&cells=s3.received.total")
                        .with(anyone()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).contains("门市公安局,2021,已发布,1,4", "门市公安局东区分局,2021,已发布,2,3");

        // A district's page reaches down, never up: the city's agencies are not found there.
        browse("/public/door-district/compare?agencies=" + police.slug() + "&years=2021")
                .andExpect(status().isNotFound());
        // The parent's own report page keeps its own jurisdiction's compare page.
        assertThat(html(browse("/public/door-city/" + police.slug() + "/2021")))
                .contains("href=\"/public/door-city/compare?agencies=" + police.slug() + "&amp;years=2021\"");
    }

    @Test
    void theFrontDoorLinksToEveryPublicationAndCorrectionAsAPageBesideTheAtomDocument() throws Exception {
        String door = html(browse("/"));
        assertThat(door)
                .contains("最新发布与更正", "href=\"/public/feed\"", "href=\"/public/feed.atom\"", "门市公安局东区分局 2021年度报告");
        String feed = html(browse("/public/feed").andExpect(status().isOk()));
        assertThat(feed)
                .contains(
                        "门市公安局 2009年度报告",
                        "门市公安局东区分局 2021年度报告",
                        "更正（第 2 版）",
                        "第三部分数字更正",
                        "/public/door-district/" + branch.slug() + "/2021/revisions/2",
                        "href=\"/public/feed.atom\"");
        String atom = mvc.perform(get("/public/feed.atom").with(anyone()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(atom)
                .contains(
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\"",
                        "tag:gongkai,2024:all:publications",
                        "门市公安局东区分局2021年政府信息公开工作年度报告（更正，第2版）");
    }

    @Test
    void aBrowserIsAnsweredWithAPageNeverWithJson() throws Exception {
        String missing = html(browse("/public/no-such-place")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("text/html;charset=UTF-8")));
        assertThat(missing).contains("未找到辖区 no-such-place", "返回首页").doesNotContain("\"code\"");
        String document = html(browse("/public/door-city/" + education.slug() + "/2021")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("text/html;charset=UTF-8")));
        assertThat(document).contains("<html lang=\"zh-CN\">");
        // A protected path, refused by Spring Security before any controller.
        assertThat(html(browse("/api/office/compliance?year=2021")
                        .andExpect(status().isUnauthorized())
                        .andExpect(content().contentType("text/html;charset=UTF-8"))))
                .contains("请先登录");
        // API clients keep the problem document.
        mvc.perform(get("/public/no-such-place").with(anyone()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("jurisdiction.not-found"));
    }
}
