package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.publishing.Clients.anyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portal's front door, its search, its pages in one language, and problems as pages for browsers. */
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
        dsl.update(JURISDICTION).set(JURISDICTION.PARENT_SLUG, "door-city").where(JURISDICTION.SLUG.eq("door-district"))
                .execute();
        dsl.update(AGENCY).set(AGENCY.PARENT_SLUG, police.slug().value()).where(AGENCY.SLUG.eq(branch.slug().value()))
                .execute();
        events.published(police, 2009, Reports.json("门市公安局", 2009, 1), Reports.beijing(2010, 3, 1));
        events.published(police, 2021, Reports.json("门市公安局", 2021, 4), Reports.beijing(2022, 1, 19));
        events.published(branch, 2021, Reports.json("门市公安局东区分局", 2021, 2), Reports.beijing(2022, 1, 20));
        events.corrected(branch, 2021, Reports.json("门市公安局东区分局", 2021, 3), Reports.beijing(2022, 2, 10),
                "第三部分数字更正");
        events.pump();
    }

    /** The test's agencies are removed after each test; a parent link would hold them. */
    @AfterEach
    void unlink() {
        dsl.update(AGENCY).setNull(AGENCY.PARENT_SLUG).where(AGENCY.SLUG.eq(branch.slug().value())).execute();
    }

    private ResultActions browse(String path) throws Exception {
        return mvc.perform(get(path).with(anyone()).accept(MediaType.TEXT_HTML, MediaType.ALL));
    }

    private static String html(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theRootIsAPageWithTheJurisdictionTreeTheSearchAndEveryYearOnRecord() throws Exception {
        String page = html(browse("/").andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8")));
        assertThat(page).contains("<html lang=\"zh-CN\">", "按机关名称查找", "action=\"/public/search\"",
                "data-year=\"2021\"", "data-year=\"2009\"", "lang=en\" lang=\"en\" hreflang=\"en\">English</a>");
        // The district hangs under the city in the tree.
        int city = page.indexOf("data-jurisdiction=\"door-city\"");
        int district = page.indexOf("data-jurisdiction=\"door-district\"");
        assertThat(city).isPositive();
        assertThat(page.substring(city, district)).contains("<ul>");
        // One language per page: no English beside the Chinese.
        assertThat(page).doesNotContain("Skip to content", "Jurisdictions");

        String english = html(browse("/?lang=en").andExpect(status().isOk()));
        assertThat(english).contains("<html lang=\"en\">", "Jurisdictions", "Years on record", "Find an agency by name",
                ">中文</a>").doesNotContain("辖区</h2>", "跳到正文");
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
        assertThat(page).contains("<th scope=\"col\">2009年</th>", "<th scope=\"col\">2021年</th>",
                "在测试辖区 door-district发布", "href=\"/public/door-district\"");
        assertThat(page.indexOf("data-agency=\"" + police.slug() + "\""))
                .isLessThan(page.indexOf("data-agency=\"" + branch.slug() + "\""));
        String district = html(browse("/public/door-district?lang=en").andExpect(status().isOk()));
        assertThat(district).contains("<html lang=\"en\">", "Published on time").doesNotContain("按时发布");
    }

    @Test
    void theFeedHasAPageForPeopleBesideTheAtomDocument() throws Exception {
        String page = html(browse("/public/door-district/feed").andExpect(status().isOk()));
        assertThat(page).contains("门市公安局东区分局 2021年度报告", "更正（第 2 版）", "第三部分数字更正",
                "href=\"/public/door-district/feed.atom\"");
    }

    @Test
    void aBrowserIsAnsweredWithAPageNeverWithJson() throws Exception {
        String missing = html(browse("/public/no-such-place").andExpect(status().isNotFound())
                .andExpect(content().contentType("text/html;charset=UTF-8")));
        assertThat(missing).contains("未找到辖区 no-such-place", "返回首页").doesNotContain("\"code\"");
        String document = html(browse("/public/door-city/" + education.slug() + "/2021").andExpect(status().isNotFound())
                .andExpect(content().contentType("text/html;charset=UTF-8")));
        assertThat(document).contains("<html lang=\"zh-CN\">");
        // A protected path, refused by Spring Security before any controller.
        assertThat(html(browse("/api/office/compliance?year=2021").andExpect(status().isUnauthorized())
                .andExpect(content().contentType("text/html;charset=UTF-8")))).contains("请先登录");
        // API clients keep the problem document.
        mvc.perform(get("/public/no-such-place").with(anyone()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("jurisdiction.not-found"));
    }
}
