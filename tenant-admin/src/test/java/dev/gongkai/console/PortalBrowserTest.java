package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.China;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.render.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public portal in a real browser on the real stack, as a citizen uses it: the front door, a jurisdiction, a
 * report (and how it prints), compare and the feed's page, each readable (words, never codes) and accessible
 * (axe-core: no serious or critical violation of WCAG 2.1 AA), in Chinese and in the English the reader switched to.
 * The reports it reads are history of the demo city, published through the outbox as the reports service does.
 */
class PortalBrowserTest extends ConsoleOnRealStack {

    /** History: years the workflow of the other browser tests never touches. */
    static final int YEAR = 2021;

    static final int EARLIER = 2020;

    String portal;

    @BeforeAll
    void publishHistory() throws Exception {
        portal = stack.url(stack.publishingPort);
        publish("wuhai-psb", "乌海市公安局", YEAR, 12, 1);
        publish("wuhai-psb", "乌海市公安局", EARLIER, 9, 1);
        publish("wuhai-edu", "乌海市教育局", YEAR, 3, 1);
        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of(
                "/public/wuhai/wuhai-psb/" + YEAR,
                "/public/wuhai/wuhai-psb/" + EARLIER,
                "/public/wuhai/wuhai-edu/" + YEAR)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (http.send(
                                    HttpRequest.newBuilder(URI.create(portal + page))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    != 200) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The portal does not show " + page + " a minute after its publication");
                }
                Thread.sleep(500);
            }
        }
    }

    /** A ReportPublished event in {@code core.outbox}, as the reports service writes it when a report is published. */
    private void publish(String agency, String name, int year, long received, int publication) throws Exception {
        AnnualReport.Builder report = AnnualReport.builder(ReportFormat.forYear(year))
                .year(year)
                .agency(name)
                .publishedOn(LocalDate.of(year + 1, 1, 20));
        for (CellDefinition cell : ReportLayout.of(ReportFormat.forYear(year)).cells()) {
            report.cell(cell.key(), 0);
        }
        report.cell("s3.received.naturalPerson", received)
                .cell("s3.received.total", received)
                .cell("s3.granted.naturalPerson", received)
                .cell("s3.granted.total", received)
                .cell("s3.handledTotal.naturalPerson", received)
                .cell("s3.handledTotal.total", received)
                .narrative(Section.S1, year + "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。")
                .narrative(Section.S5, "存在的主要问题是公开内容不够全面，下一步将加强培训。")
                .narrative(Section.S6, "无");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("agency", agency);
        event.put("jurisdiction", "wuhai");
        event.put("year", year);
        event.put("revision", 1);
        event.put(
                "publishedAt",
                LocalDate.of(year + 1, 1, 20)
                        .atTime(10, 0)
                        .atZone(China.ZONE)
                        .toInstant()
                        .toString());
        event.put("actor", "office");
        event.put("correction", false);
        event.put("imported", true);
        event.put("reason", null);
        event.put("document", CanonicalJson.write(report.build()));
        event.put("publication", publication);
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://" + ServiceStack.PG + "/" + stack.database, "postgres", "");
                PreparedStatement insert = db.prepareStatement(
                        "insert into core.outbox (aggregate, type, payload) values (?, 'ReportPublished', ?::jsonb)")) {
            insert.setString(1, "agency:" + agency);
            insert.setString(2, JsonMapper.builder().build().writeValueAsString(event));
            insert.executeUpdate();
        }
    }

    private void readableAndAccessible() {
        browser.assertReadable();
        browser.assertAccessible();
    }

    @Test
    void aCitizenFindsReadsComparesAndFollowsReportsInEitherLanguage() throws Exception {
        // The front door: the tree, the search, the years, the latest publications and the way to all of them.
        browser.open(portal + "/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.find("#years").getText()).contains(YEAR + "年", EARLIER + "年");
        readableAndAccessible();

        // The feed's page.
        browser.click("#feed");
        browser.waitForText("h1", "年度报告发布与更正");
        assertThat(browser.find("#publications").getText())
                .contains("乌海市公安局 " + YEAR + "年度报告", "乌海市教育局 " + YEAR + "年度报告");
        readableAndAccessible();

        // A jurisdiction.
        browser.open(portal + "/public/wuhai");
        assertThat(browser.find("tr[data-agency=wuhai-psb]").getText()).contains("按时发布");
        readableAndAccessible();

        // A report, and how it prints: the report alone, table headers repeated, rows whole.
        browser.click("tr[data-agency=wuhai-psb] a[href$='/wuhai-psb/" + YEAR + "']");
        browser.waitForText("h1", "乌海市公安局" + YEAR + "年政府信息公开工作年度报告");
        assertThat(browser.find("td[data-cell='s3.received.total']").getText()).isEqualTo("12");
        readableAndAccessible();
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of("nav", ".downloads", ".compare", ".switch")) {
                assertThat(browser.find(hidden).isDisplayed())
                        .as(hidden + " in print")
                        .isFalse();
            }
            assertThat(browser.find("#s3 table thead").getCssValue("display")).isEqualTo("table-header-group");
            assertThat(browser.driver.executeScript(
                            "return getComputedStyle(document.querySelector('#s3 tbody tr')).breakInside"))
                    .isEqualTo("avoid");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        // Compare, from the report: its agency and year are picked; add another agency and a year from the lists.
        browser.click("p.compare a");
        browser.waitForText("h1", "年度报告数据对比");
        assertThat(browser.find("#agency-wuhai-psb").isSelected()).isTrue();
        assertThat(browser.find("#year-" + YEAR).isSelected()).isTrue();
        readableAndAccessible();
        browser.click("label[for=agency-wuhai-edu]");
        browser.click("label[for=year-" + EARLIER + "]");
        browser.click("#compare button[type=submit]");
        browser.waitForText("#result", "乌海市教育局");
        WebElement edu = browser.find("#result tr[data-agency=wuhai-edu][data-year='" + YEAR + "']");
        assertThat(edu.findElement(By.cssSelector("td[data-cell='s3.received.total']"))
                        .getText())
                .isEqualTo("3");
        assertThat(browser.find("#result tr[data-agency=wuhai-edu][data-year='" + EARLIER + "']")
                        .getText())
                .contains("未发布");
        WebElement chart = browser.find("#charts figure[data-cell='s3.received.total'] svg[role=img]");
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
                .contains("乌海市公安局 " + YEAR + "年：12", "乌海市教育局 " + YEAR + "年：3");
        readableAndAccessible();
        browser.screenshot("portal-compare");

        // English, chosen once and kept on the pages that follow.
        browser.click("a.lang");
        browser.waitForText("h1", "compare annual reports");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        readableAndAccessible();
        for (String page : List.of("/", "/public/feed", "/public/wuhai", "/public/wuhai/wuhai-psb/" + YEAR)) {
            browser.open(portal + page);
            assertThat(browser.find("html").getAttribute("lang")).as(page).isEqualTo("en");
            readableAndAccessible();
        }
        browser.click("a.lang");
        browser.waitForText("#publication-title", "发布信息");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
    }
}
