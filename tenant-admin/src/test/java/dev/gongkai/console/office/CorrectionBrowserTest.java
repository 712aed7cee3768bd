package dev.gongkai.console.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.console.ConsoleOnRealStack;
import dev.gongkai.console.ServiceStack;
import dev.gongkai.contract.China;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The correction (更正) of a published report, end to end in a real browser on the real stack: the office-admin starts
 * it with a reason and a confirmation that says what happens; the agency's list, editor and submit page say the
 * report is under correction and why; the editor changes a number and asks for sign-off, finds a typo in it, withdraws
 * the request (撤回, the approver's 「待您签发」 drops it), corrects the number in the draft and asks again; the approver submits; the
 * office sees that the submission is a correction and what changed since the published revision, approves and
 * publishes; the portal shows the correction as current with its reason and leads to the original, which stays
 * readable; the dashboard says 更正中, then 已更正 1 次. The steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectionBrowserTest extends ConsoleOnRealStack {

    /** A year of 乌海市公安局 that no other browser test drafts (ConsoleBrowserTest takes it through last year). */
    static final int YEAR = LocalDate.now(China.ZONE).getYear() - 3;

    static final String REVIEW = CONSOLE + "/office/reports/wuhai-psb/" + YEAR;
    static final String REASON = "表二行政事业性收费金额漏填，应为1.2万元。";
    static final String FEES = "s2.fees.amount";

    @Test
    @Order(1)
    void theOfficeAdminStartsTheCorrectionOfAPublishedReportWithAReason() throws Exception {
        ApiDrafts.submit(
                stack.url(stack.reportsPort),
                ServiceStack.token("psb-editor"),
                ServiceStack.token("psb-approver"),
                YEAR);
        browser.signIn(CONSOLE, "office");
        browser.open(REVIEW);
        browser.click("#return-form button[value=approve]");
        browser.confirm("审核通过后");
        browser.waitForText(".notice", "已审核通过");
        browser.click("#publish-form button[value=publish]");
        browser.confirm("发布后将在公开网站上展示");
        browser.waitForText(".notice", "已发布");

        // Published, the office-admin may reopen it: the reason is required and said to be public.
        WebElement reason = browser.find("#correct-reason");
        assertThat(reason.getAttribute("required")).isNotNull();
        assertThat(browser.find("label[for=correct-reason]").getText()).contains("更正原因", "公开");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test=correction]")))
                .isEmpty();
        reason.sendKeys(REASON);
        browser.click("#correct-form button[value=correct]");
        browser.confirm("更正将使报告退回单位修改，修改后重新审核发布；更正原因将公开显示");
        browser.waitForText(".notice", "已发起更正");
        // Post/redirect/get, and the page now says why the report is reopened.
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(REVIEW);
        browser.waitForText("[data-test=correction]", "更正中：" + REASON);
        assertThat(browser.driver.findElements(By.cssSelector("#correct-form"))).isEmpty();
        assertThat(browser.find("#steps li[data-action=correct]").getText()).contains("退回更正", REASON);
        browser.screenshot("correction-started");

        // The dashboard: still published by its first revision, 更正中 while the correction is under way.
        reloadUntil(CONSOLE + "/office/compliance?year=" + YEAR, "tr[data-agency=wuhai-psb] [data-test=correcting]");
        assertThat(browser.find("tr[data-agency=wuhai-psb] [data-test=correcting]")
                        .getText())
                .isEqualTo("更正中");
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-agency=wuhai-psb] [data-test=corrected]")))
                .isEmpty();
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(2)
    void theEditorSeesWhyChangesTheNumberAndAsksForSignOff() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        browser.open(CONSOLE + "/reports");
        assertThat(browser.find("#year-" + YEAR + " [data-test=correction]").getText())
                .isEqualTo("更正中：" + REASON);
        // A typo first (1.1 for 1.2): the editor withdraws the request to fix it (below).
        typeFees("1.1");
        requestSignOff();
        assertThat(browser.find("#year-" + YEAR + " span.status").getText()).isEqualTo("待负责人签发");
        browser.signOut(CONSOLE);
        assertThat(awaitingTheApprover())
                .as("the approver's 待您签发 after the request")
                .isTrue();
    }

    @Test
    @Order(3)
    void theEditorWithdrawsTheRequestFixesTheTypoAndAsksAgain() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        browser.waitForText("[data-test=correction-reason]", REASON);
        assertThat(browser.find("main span.status").getText()).isEqualTo("待负责人签发");
        assertThat(browser.driver.findElements(By.cssSelector("button[value=request-signoff]")))
                .isEmpty();
        browser.click("button[value=withdraw]");
        browser.waitForText(".notice", "已撤回签发申请");
        // Back in draft, and still a correction with its reason.
        assertThat(browser.find("#year-" + YEAR + " span.status").getText()).isEqualTo("草稿");
        assertThat(browser.find("#year-" + YEAR + " [data-test=correction]").getText())
                .isEqualTo("更正中：" + REASON);
        browser.signOut(CONSOLE);
        assertThat(awaitingTheApprover())
                .as("the approver's 待您签发 after the withdrawal")
                .isFalse();

        browser.signIn(CONSOLE, "psb-editor");
        typeFees("1.2");
        requestSignOff();
        browser.signOut(CONSOLE);
    }

    /** In the editor, which is editable again: the fees cell takes the value and autosave stores it. */
    private void typeFees(String value) {
        browser.open(CONSOLE + "/reports/" + YEAR);
        browser.waitForText("[data-test=correction-reason]", REASON);
        assertThat(browser.find("#editor").getAttribute("data-editable")).isEqualTo("true");
        WebElement fees = browser.find("#cell-" + FEES.replace(".", "\\."));
        assertThat(fees.getAttribute("readonly")).isNull();
        fees.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        browser.waitForText("[data-test=save-status]", "已保存");
        browser.wait.until(d -> browser.script("return localStorage.length").equals(0L));
    }

    private void requestSignOff() {
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        browser.waitForText("[data-test=correction-reason]", REASON);
        assertThat(browser.find("#errors").findElements(By.tagName("li"))).isEmpty();
        browser.click("button[value=request-signoff]");
        browser.waitForText(".notice", "已提请单位负责人签发");
    }

    /** Whether the approver's list names this year among 「待您签发 N」 (other tests' years may be there too). */
    private boolean awaitingTheApprover() {
        browser.signIn(CONSOLE, "psb-approver");
        browser.open(CONSOLE + "/reports");
        boolean awaiting = !browser.driver
                .findElements(By.cssSelector("#awaiting-signoff a[href$='/reports/" + YEAR + "/submit']"))
                .isEmpty();
        if (awaiting) {
            assertThat(browser.find("#awaiting-signoff strong").getText()).matches("待您签发 [1-9]\\d*");
        }
        browser.signOut(CONSOLE);
        return awaiting;
    }

    @Test
    @Order(4)
    void theApproverSubmitsTheCorrection() throws Exception {
        browser.signIn(CONSOLE, "psb-approver");
        browser.open(CONSOLE + "/reports");
        assertThat(browser.driver.findElements(
                        By.cssSelector("#awaiting-signoff a[href$='/reports/" + YEAR + "/submit']")))
                .as("asked again after the withdrawal")
                .hasSize(1);
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        browser.waitForText("[data-test=correction-reason]", REASON);
        for (WebElement box : browser.driver.findElements(By.cssSelector("ol.warnings li textarea"))) {
            box.sendKeys("已核实，数字无误。");
        }
        browser.screenshot("correction-submit");
        browser.click("button[value=submit]");
        browser.confirm("报送政务公开办");
        browser.waitForText(".notice", "已报送政务公开办");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(5)
    void theOfficeSeesWhatTheCorrectionChangedApprovesAndPublishesIt() throws Exception {
        browser.signIn(CONSOLE, "office");
        browser.open(REVIEW);
        browser.waitForText("[data-test=correction]", REASON);
        WebElement changed = browser.find("#correction-changes tr[data-cell='" + FEES + "']");
        assertThat(changed.findElement(By.cssSelector("td.before")).getText()).isEqualTo("0");
        assertThat(changed.findElement(By.cssSelector("td.after")).getText()).isEqualTo("1.2");
        assertThat(browser.driver.findElements(By.cssSelector("#correction-changes tbody tr")))
                .hasSize(1);
        browser.screenshot("correction-review");
        browser.click("#return-form button[value=approve]");
        browser.confirm("审核通过后");
        browser.waitForText(".notice", "已审核通过");
        browser.click("#publish-form button[value=publish]");
        browser.confirm("发布后将在公开网站上展示");
        browser.waitForText(".notice", "已发布");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test=correction]")))
                .isEmpty();
        reloadUntil(CONSOLE + "/office/compliance?year=" + YEAR, "tr[data-agency=wuhai-psb] [data-test=corrected]");
        assertThat(browser.find("tr[data-agency=wuhai-psb] [data-test=corrected]")
                        .getText())
                .isEqualTo("已更正 1 次");
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-agency=wuhai-psb] [data-test=correcting]")))
                .isEmpty();
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(6)
    void thePortalShowsTheCorrectionWithItsReasonAndLeadsToTheOriginal() throws Exception {
        String page = stack.url(stack.publishingPort) + "/public/wuhai/wuhai-psb/" + YEAR;
        reloadUntil(page, "#corrected");
        assertThat(browser.find("#corrected").getText()).contains("更正原因：" + REASON, "已更正，查看原版本（第1版）");
        assertThat(browser.find("td[data-cell='" + FEES + "']").getText()).contains("1.2");
        browser.screenshot("correction-portal");
        browser.click("#corrected a");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/public/wuhai/wuhai-psb/" + YEAR + "/revisions/1"));
        browser.assertReadable();
        assertThat(browser.find("body").getText()).contains("此为第1版，已被更正。");
        assertThat(browser.find("td[data-cell='" + FEES + "']").getText()).doesNotContain("1.2");
        browser.assertAccessible();
    }

    /** Events reach the portal and the dashboard through the outbox and Redis: reload until the page shows it. */
    private void reloadUntil(String url, String css) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            browser.open(url);
            if (!browser.driver.findElements(By.cssSelector(css)).isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + css + " on " + url + " after a minute:\n" + browser.pageText());
            }
            Thread.sleep(1000);
        }
    }
}
