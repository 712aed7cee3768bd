package dev.gongkai.console.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.console.ConsoleOnRealStack;
import dev.gongkai.console.ServiceStack;
import dev.gongkai.contract.China;
import dev.gongkai.report.rules.ReportCycle;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The office's daily work in a real browser on the real stack: the review queue on the cycle being drafted with
 * what waits first, the review page's sign-off record and print, and reminders (催报) by hand to one late agency and to every late one, with their history and
 * the office's schedule; the city's compiled report written, published with a confirmation and read on the portal.
 * The steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeBrowserTest extends ConsoleOnRealStack {

    static final LocalDate TODAY = LocalDate.now(China.ZONE);
    /** The cycle the queue opens on. */
    static final int DRAFTING = ReportCycle.drafting(TODAY);
    /** A cycle long past its deadline that no other browser test submits a report of: every agency is late. */
    static final int LATE_YEAR = TODAY.getYear() - 2;
    /**
     * The district branch whose report waits in the queue, drafted and signed off by its editor, who is made its
     * approver too: ConsoleBrowserTest takes 乌海市公安局 through last year's cycle, whichever runs first.
     */
    static final String AGENCY = "wuhai-psb-haibowan";

    static final String STAFF = "hbw-editor";
    /** How pages name them: the demo realm's 赵海燕, with the agency they signed off for. */
    static final String STAFF_NAME = "赵海燕（乌海市公安局海勃湾区分局）";

    @Test
    @Order(1)
    void theQueueOpensOnTheYearBeingDraftedWithWhatWaitsFirstAndNoReviewWithoutASubmission() throws Exception {
        submitThroughTheApi(DRAFTING);
        String branch = "乌海市公安局海勃湾区分局";
        browser.signIn(CONSOLE, "office");
        browser.open(CONSOLE + "/office");
        assertThat(browser.find("#queue caption").getText()).contains(DRAFTING + " 年度");
        browser.waitForText("#waiting", "待审核 1");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#queue tbody tr"));
        assertThat(rows.getFirst().getAttribute("data-agency")).isEqualTo(AGENCY);
        assertThat(rows.getFirst()
                        .findElement(By.cssSelector("[data-test=review]"))
                        .getText())
                .isEqualTo("审核");
        // An agency that has not submitted offers nothing to review: no 审核, and its name is not a link.
        List<WebElement> notStarted = browser.driver.findElements(By.cssSelector("#queue tr[data-status=NOT_STARTED]"));
        assertThat(notStarted).isNotEmpty();
        assertThat(notStarted)
                .allSatisfy(r -> assertThat(r.findElements(By.tagName("a"))).isEmpty());
        browser.screenshot("office-queue-waiting");
        // The agency's name opens its review.
        browser.click("#queue tr[data-agency=" + AGENCY + "] th a");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/office/reports/" + AGENCY + "/" + DRAFTING));
        browser.waitForText("h1", branch);
        browser.find("#return-form");
        // A keyboard user's first Tab stop skips the whole report to the comments and the decision.
        browser.driver.executeScript("document.activeElement && document.activeElement.blur()");
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .sendKeys(org.openqa.selenium.Keys.TAB)
                .perform();
        WebElement skip = browser.driver.switchTo().activeElement();
        assertThat(skip.getAttribute("data-test")).isEqualTo("skip-to-review");
        assertThat(skip.getText()).isEqualTo("跳到审核意见和操作");
        skip.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.wait.until(
                d -> "review-actions".equals(d.switchTo().activeElement().getAttribute("id")));
        // Who signed off and when, from the report's own record; and the page prints as the report alone.
        browser.waitForText("[data-test=sign-off]", "签发报送：" + STAFF_NAME);
        assertThat(browser.find("#steps li[data-action=submit]").getText()).contains("签发并报送政务公开办", STAFF_NAME);
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.find("#return-form").isDisplayed()).isFalse();
            assertThat(browser.find("#comment-form").isDisplayed()).isFalse();
            assertThat(browser.find("header.shell").isDisplayed()).isFalse();
            assertThat(browser.find("#steps").isDisplayed()).isTrue();
            assertThat(browser.find(".report-review table").isDisplayed()).isTrue();
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        browser.screenshot("office-review-signed-off");
    }

    @Test
    @Order(2)
    void theOfficeSetsItsScheduleAndRemindsOneLateAgencyThenEveryLateOne() throws Exception {
        browser.open(CONSOLE + "/office/reminders?year=" + LATE_YEAR);
        browser.waitForText("[data-test=schedule]", "每 7 天");
        WebElement every = browser.find("#schedule-form input[name=everyDays]");
        every.clear();
        every.sendKeys("5");
        browser.click("#schedule-form button[type=submit]");
        browser.waitForText(".notice", "催报设置已保存");
        browser.waitForText("[data-test=schedule]", "每 5 天");

        // One agency, by hand: the page asks first and names it; the answer is a page of its own (post/redirect/get).
        browser.click("#agency-wuhai-edu form.remind-one button");
        browser.confirm("乌海市教育局");
        browser.waitForText("[data-test=sent]", "已发送催报 1 条");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/office/reminders?year=" + LATE_YEAR);
        WebElement edu = browser.find("#agency-wuhai-edu");
        edu.findElement(By.cssSelector("td[data-test=history] summary")).click();
        WebElement byHand = edu.findElement(By.cssSelector("li[data-kind=BY_HAND]"));
        assertThat(byHand.getText()).contains("人工催报", "政务公开办催报", "已超过法定发布期限");
        // Sent by the office's 王晓梅, by name and with the agency she acted for; the schedule says who set it too.
        assertThat(byHand.findElement(By.cssSelector("[data-test=sent-by]")).getText())
                .contains("王晓梅（乌海市政务公开办）");
        assertThat(browser.find("[data-test=schedule]").getText()).contains("王晓梅（乌海市政务公开办）");

        // Every late one: the button says how many, the confirmation too, and each of them gets one.
        String all = browser.find("#remind-all button").getText();
        String late = all.replaceAll("\\D", "");
        assertThat(Integer.parseInt(late)).isGreaterThan(1);
        browser.click("#remind-all button");
        browser.confirm("全部 " + late + " 个逾期未报送的单位");
        browser.waitForText("[data-test=sent]", "已发送催报 " + late + " 条");
        edu = browser.find("#agency-wuhai-edu");
        edu.findElement(By.cssSelector("td[data-test=history] summary")).click();
        assertThat(edu.findElements(By.cssSelector("li[data-kind=BY_HAND]"))).hasSize(2);
        // A district's 分局 is late too, and reminded.
        assertThat(browser.find("#agency-wuhai-psb-haibowan li[data-kind=BY_HAND]")
                        .getAttribute("textContent"))
                .contains("政务公开办催报");
        // Reloading the answer sends nothing again.
        browser.driver.navigate().refresh();
        browser.assertReadable();
        edu = browser.find("#agency-wuhai-edu");
        assertThat(edu.findElements(By.cssSelector("li[data-kind=BY_HAND]"))).hasSize(2);
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("office-reminders");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(3)
    void theRemindedAgencySeesTheOfficesReminderOnItsHomePage() throws Exception {
        browser.signIn(CONSOLE, "hbw-editor");
        assertThat(browser.find("#notifications").getText()).contains("政务公开办催报", "乌海市公安局海勃湾区分局");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(4)
    void theOfficeWritesTheCityNarrativePublishesItWithAConfirmationAndThePortalShowsIt() throws Exception {
        // The branch's report of Order(1), approved and published by the office.
        browser.signIn(CONSOLE, "office");
        browser.open(CONSOLE + "/office/reports/" + AGENCY + "/" + DRAFTING);
        browser.click("#return-form button[value=approve]");
        browser.confirm("审核通过后");
        browser.waitForText(".notice", "已审核通过");
        browser.click("#publish-form button[value=publish]");
        browser.confirm("发布后将在公开网站上展示");
        browser.waitForText(".notice", "已发布");
        String compiled = CONSOLE + "/office/compiled?year=" + DRAFTING + "&scope=city";
        browser.open(compiled);
        // The publication reaches the publishing service through the event stream.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (browser.driver
                        .findElements(By.cssSelector("#included li[data-agency=" + AGENCY + "]"))
                        .isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            browser.open(compiled);
        }
        assertThat(browser.find("[data-test=blocked]").getText()).contains("暂不能发布");
        String s1 = DRAFTING + "年，全市各级行政机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法办理依申请公开。";
        browser.find("#narrative-s1").sendKeys(s1);
        browser.find("#narrative-s5").sendKeys("存在的主要问题是部分单位公开内容不够全面，改进措施是加强培训、完善制度。");
        browser.find("#narrative-s6").sendKeys("无。");
        browser.click("#narrative-form button[type=submit]");
        browser.waitForText("[data-test=saved]", "文字已保存（第 1 稿）");
        assertThat(browser.find("#narrative-s1").getAttribute("value")).isEqualTo(s1);
        browser.assertAccessible();

        browser.click("#publish-form button[type=submit]");
        browser.confirm("发布后将在公开网站上作为全市汇总展示");
        browser.waitForText("[data-test=published]", "已发布第 1 版");
        assertThat(browser.driver.getCurrentUrl()).contains("/office/compiled?year=" + DRAFTING + "&scope=city");
        assertThat(browser.find("#publications li[data-number='1']").getText()).contains("第 1 版");
        browser.assertAccessible();
        browser.screenshot("office-compiled-published");

        String portal = browser.find("#compiled-portal").getAttribute("href");
        assertThat(portal).endsWith("/public/wuhai/compiled/" + DRAFTING + "/city");
        browser.click("#compiled-portal");
        browser.wait.until(d -> d.getCurrentUrl().equals(portal));
        browser.assertReadable();
        assertThat(browser.pageText()).contains(s1, "全市汇总（政府年度报告附件）", "第1版", "乌海市公安局海勃湾区分局（第1版）");
        browser.assertAccessible();
        browser.open(CONSOLE);
        browser.signOut(CONSOLE);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The branch's report of the year, drafted complete and submitted through the reports API (as its staff would). */
    private static void submitThroughTheApi(int year) throws Exception {
        try (var db = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + stack.database, "postgres", "")) {
            db.createStatement()
                    .executeUpdate("insert into core.agency_membership (user_id, username, agency_slug, role)"
                            + " select user_id, username, agency_slug, 'agency-approver' from core.agency_membership"
                            + " where username = '" + STAFF + "' and agency_slug = '" + AGENCY + "' limit 1"
                            + " on conflict do nothing");
        }
        String staff = ServiceStack.token(STAFF);
        ApiDrafts.submit(stack.url(stack.reportsPort), staff, staff, year);
    }
}
