package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.China;
import dev.gongkai.report.testing.Words;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console end to end in a real browser, on the real Keycloak and the real services: the whole life of one
 * report, from the editor's first keystroke to the public portal. The steps depend on each other and run in order.
 * The console listens on port 8080 (see {@link ConsoleOnRealStack}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends ConsoleOnRealStack {

    static final int YEAR = LocalDate.now().getYear() - 1;
    /** Table 三 received.total disagrees with its row (5 + 0 + … ≠ 6): S3_ROW_TOTAL must mark that cell. */
    static final String WRONG_TOTAL = "s3.received.total";

    @Test
    @Order(1)
    void editorSignsInThroughKeycloakAndSeesTheAgencyAndItsReports() throws Exception {
        // The publishing service's reminder job as it runs 7 days before this year's deadline (nothing submitted).
        ServiceApps.Running publishing = stack.app("publishing");
        Clock weekBefore = Clock.fixed(
                LocalDate.of(YEAR + 1, 1, 24).atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
        publishing.invoke(
                publishing.bean("reminders"), "run", new Class<?>[] {Clock.class, URI.class}, weekBefore, null);

        browser.signIn(CONSOLE, "psb-editor");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/reports");
        browser.waitForText("[data-test=agency-name]", "乌海市公安局");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.find("#reports tr[data-year='" + YEAR + "']").getText())
                .contains("未创建");
        assertThat(browser.find("#notifications li[data-year='" + YEAR + "'][data-step='7']")
                        .getText())
                .contains("乌海市公安局", "还有 7 天", "尚未报送政务公开办");
        browser.screenshot("reports");
    }

    @Test
    @Order(2)
    void anInconsistentTableIsMarkedOnTheRightCellAndTheFixClearsIt() throws Exception {
        browser.click("#reports tr[data-year='" + YEAR + "'] form button");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + YEAR));
        browser.find("#editor input.cell");
        // A fresh draft is work to do, not a wall of red: its blank cells are marked 待填写, none as an error.
        browser.waitForText("#to-fill", "处待填写");
        assertThat(browser.driver.findElements(By.cssSelector("#editor td.to-fill")))
                .hasSizeGreaterThan(10);
        assertThat(browser.driver.findElements(
                        By.cssSelector("#editor td.finding-error, #editor input[aria-invalid=true]")))
                .isEmpty();

        Map<String, String> values = new HashMap<>();
        for (String col : List.of("naturalPerson", "total")) {
            values.put("s3.received." + col, "5");
            values.put("s3.granted." + col, "5");
            values.put("s3.handledTotal." + col, "5");
        }
        values.put(WRONG_TOTAL, "6");
        for (String table : List.of("s2", "s3", "s4")) {
            paste(table, values);
        }
        narrative("s1", YEAR + "年，本机关共新收政府信息公开申请9件，均已按时答复。");
        narrative("s5", "存在的主要问题是公开内容不够全面，下一步将加强培训并完善制度。");
        narrative("s6", "无。");

        browser.wait.until(d -> hasClass("td[data-cell='" + WRONG_TOTAL + "']", "finding-error"));
        browser.waitForText("[data-test=save-status]", "已保存");
        // The wrong sum points at the total that disagrees, not at every part; its message names the parts. (The same
        // 6 breaks the 总计 column's balance too, which marks that column's four cells, as S3_BALANCE says.)
        assertThat(browser.find("#findings li[data-rule=S3_ROW_TOTAL]").getText())
                .contains("6", "各类申请人之和");
        assertThat(browser.script("""
                const id = document.querySelector('#findings li[data-rule=S3_ROW_TOTAL]').id;
                return Array.from(document.querySelectorAll('#editor input.cell'))
                  .filter(i => (i.getAttribute('aria-describedby') || '').split(' ').includes(id))
                  .map(i => i.name);""")).asList().containsExactly(WRONG_TOTAL);
        browser.screenshot("editor-finding");

        // The total is offered, not written: the sum of its parts beside it, reached with Tab from the cell.
        WebElement cell = browser.find("#cell-" + cssKey(WRONG_TOTAL));
        assertThat(cell.getAttribute("value")).isEqualTo("6");
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#editor button.fill-total")).size() == 1);
        cell.sendKeys(Keys.TAB);
        WebElement offer = browser.driver.switchTo().activeElement();
        assertThat(offer.getAttribute("class")).contains("fill-total");
        assertThat(offer.getText()).isEqualTo("填入合计 5");
        assertThat(offer.getAttribute("aria-label")).contains("总计", "5");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", offer);
        browser.screenshot("editor-total");
        offer.sendKeys(Keys.ENTER);
        assertThat(browser.find("#cell-" + cssKey(WRONG_TOTAL)).getAttribute("value"))
                .isEqualTo("5");
        browser.wait.until(d -> !hasClass("td[data-cell='" + WRONG_TOTAL + "']", "finding-error"));
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#editor td.finding-error")).isEmpty());
        browser.waitForText("[data-test=save-status]", "已保存");
        assertThat(browser.driver.findElements(By.cssSelector("#editor button.fill-total")))
                .isEmpty();

        // 结转下年度 is no sum of parts: it is offered what S3_BALANCE leaves, in words of its own. 2 carried over from
        // last year and nothing more handled leave 2 to carry forward; Enter on the offer writes it, and its row's 总计
        // then follows as a sum. The table is put back as it was afterwards (the later steps submit it).
        String over = "s3.carriedOver.naturalPerson";
        String overTotal = "s3.carriedOver.total";
        String forward = "s3.carriedForward.naturalPerson";
        String forwardTotal = "s3.carriedForward.total";
        type(over, "2");
        type(overTotal, "2");
        browser.wait.until(d -> d.findElements(By.cssSelector("td[data-cell='" + forward + "'] button.fill-total"))
                                .size()
                        == 1
                && d.findElements(By.cssSelector("td[data-cell='" + overTotal + "'] button.fill-total"))
                        .isEmpty());
        browser.waitForText("[data-test=save-status]", "已保存");
        assertThat(browser.driver.findElements(By.cssSelector("#editor button.fill-total")))
                .hasSize(1);
        browser.find("#cell-" + cssKey(forward)).sendKeys(Keys.TAB);
        WebElement carry = browser.driver.switchTo().activeElement();
        assertThat(carry.getAttribute("class")).contains("fill-total");
        assertThat(carry.getText()).isEqualTo("填入结转 2");
        assertThat(carry.getAttribute("aria-label")).contains("结转下年度", "填入结转 2", "上年结转");
        carry.sendKeys(Keys.ENTER);
        assertThat(browser.find("#cell-" + cssKey(forward)).getAttribute("value"))
                .isEqualTo("2");
        browser.wait.until(d -> d.findElements(By.cssSelector("td[data-cell='" + forwardTotal + "'] button.fill-total"))
                        .size()
                == 1);
        assertThat(browser.find("td[data-cell='" + forwardTotal + "'] button.fill-total")
                        .getText())
                .isEqualTo("填入合计 2");
        browser.click("td[data-cell='" + forwardTotal + "'] button.fill-total");
        browser.wait.until(
                d -> "2".equals(d.findElement(By.id("cell-" + forwardTotal)).getAttribute("value")));
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#editor button.fill-total")).isEmpty());
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#editor td.finding-error")).isEmpty());
        for (String key : List.of(over, overTotal, forward, forwardTotal)) {
            type(key, "0");
        }
        browser.wait.until(d -> browser.script("return localStorage.length").equals(0L));
        browser.waitForText("[data-test=save-status]", "已保存");
        browser.wait.until(d -> d.findElements(By.cssSelector("#editor button.fill-total"))
                        .isEmpty()
                && d.findElements(By.cssSelector("#editor td.finding-error")).isEmpty());

        // Enter goes down a column and the arrows across a row, as in Excel and WPS; nothing typed changes.
        browser.find("#cell-" + cssKey("s3.received.naturalPerson")).sendKeys(Keys.END, Keys.ENTER);
        String below = (String) browser.script("return document.activeElement.name");
        assertThat(below).endsWith(".naturalPerson").isNotEqualTo("s3.received.naturalPerson");
        browser.driver.switchTo().activeElement().sendKeys(Keys.END, Keys.ARROW_RIGHT);
        assertThat((String) browser.script("return document.activeElement.name"))
                .isEqualTo(below.replace(".naturalPerson", ".commercial"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertThat(browser.script("return document.activeElement.name")).isEqualTo("s3.received.commercial");
        // Tab keeps to the row: the next column of the same row.
        String next = (String) browser.script("""
                const cells = Array.from(document.activeElement.closest('tr').querySelectorAll('input.cell'));
                return cells[cells.indexOf(document.activeElement) + 1].name;""");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.name"))
                .isEqualTo(next)
                .asString()
                .startsWith("s3.received.");
        browser.screenshot("editor");
    }

    @Test
    @Order(3)
    void aBadValueIsMarkedAtItsCellAndEveryOtherValueIsSavedAndKeptOverAReload() throws Exception {
        String bad = "s4.review.upheld";
        String good = "s4.review.corrected";
        browser.open(CONSOLE + "/reports/" + YEAR);
        int revision = Integer.parseInt(browser.find("#editor").getAttribute("data-revision"));
        for (String typed : List.of("-3", "2.5", "abc")) {
            WebElement input = browser.find("#cell-" + cssKey(bad));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), typed);
            browser.wait.until(
                    d -> "true".equals(d.findElement(By.id("cell-" + bad)).getAttribute("aria-invalid")));
            browser.wait.until(d -> !d.findElements(By.id("cell-error-" + bad)).isEmpty()
                    && d.findElement(By.id("cell-error-" + bad))
                            .getText()
                            .equals(
                                    switch (typed) {
                                        case "-3" -> "件数不能小于 0";
                                        case "2.5" -> "件数应为整数";
                                        default -> "请填写数字";
                                    }));
        }
        browser.find("#cell-" + cssKey(good)).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        browser.waitForText("[data-test=save-status]", "1 个单元格的值有误未保存");
        browser.wait.until(
                d -> Integer.parseInt(d.findElement(By.id("editor")).getAttribute("data-revision")) > revision);
        assertThat(browser.find("#cell-" + cssKey(bad)).getAttribute("aria-describedby"))
                .contains("cell-error-" + bad);
        // The status bar stays in view deep in the tables.
        browser.script("document.getElementById('cell-' + arguments[0]).scrollIntoView({block: 'center'})", bad);
        assertThat((Boolean) browser.script("""
                const r = document.getElementById('save-status').getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight;""")).isTrue();
        // Leaving now would lose the bad value's typing: the page asks first.
        assertThat(
                        (Boolean)
                                browser.script(
                                        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"))
                .isTrue();
        browser.screenshot("editor-invalid");

        browser.driver.navigate().refresh();
        browser.assertReadable();
        browser.wait.until(d -> "abc".equals(d.findElement(By.id("cell-" + bad)).getAttribute("value")));
        assertThat(browser.find("#cell-" + cssKey(good)).getAttribute("value")).isEqualTo("2");
        browser.wait.until(
                d -> "true".equals(d.findElement(By.id("cell-" + bad)).getAttribute("aria-invalid")));
        browser.waitForText("#cell-error-" + cssKey(bad), "请填写数字");
        assertThat(browser.find("td[data-cell='" + bad + "']").getAttribute("class"))
                .contains("input-error");

        // The other language says it in its words, and the typed value is still there after that page load too.
        browser.click("a[hreflang=en]");
        browser.waitForText("#cell-error-" + cssKey(bad), "Enter a number");
        browser.assertReadable();
        assertThat(browser.find("#cell-" + cssKey(bad)).getAttribute("value")).isEqualTo("abc");
        browser.click("a[hreflang=zh-CN]");
        browser.waitForText("#cell-error-" + cssKey(bad), "请填写数字");

        // Corrected, both are saved and nothing is left waiting in the browser.
        browser.find("#cell-" + cssKey(bad)).sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
        browser.find("#cell-" + cssKey(good)).sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
        browser.wait.until(d -> d.findElements(By.cssSelector("#editor td.input-error, .cell-error"))
                .isEmpty());
        browser.wait.until(d -> browser.script("return localStorage.length").equals(0L));
        browser.waitForText("[data-test=save-status]", "已保存");
        assertThat(browser.find("#cell-" + cssKey(bad)).getAttribute("aria-invalid"))
                .isNull();

        // The findings list is no live region: after an autosave only its summary would speak, and only if it changed.
        assertThat(browser.script("""
                for (let e = document.getElementById('findings'); e; e = e.parentElement) {
                  const live = e.getAttribute('aria-live');
                  if ((live && live !== 'off') || ['status', 'log', 'alert'].includes(e.getAttribute('role'))) return e.id || e.tagName;
                }
                return null;"""))
                .as("no live region around the findings list")
                .isNull();
        assertThat(browser.find("#findings-summary").getAttribute("role")).isEqualTo("status");
        browser.script("""
                window.__announced = 0;
                new MutationObserver(m => window.__announced += m.length)
                  .observe(document.getElementById('findings-summary'), {childList: true, characterData: true, subtree: true});""");
        int before = Integer.parseInt(browser.find("#editor").getAttribute("data-revision"));
        narrative("s6", "无需说明的其他事项。");
        browser.wait.until(
                d -> Integer.parseInt(d.findElement(By.id("editor")).getAttribute("data-revision")) > before);
        browser.waitForText("[data-test=save-status]", "已保存");
        assertThat(browser.script("return window.__announced")).isEqualTo(0L);
        narrative("s6", "无。");
        browser.waitForText("[data-test=save-status]", "已保存");
        browser.wait.until(d -> browser.script("return localStorage.length").equals(0L));
    }

    @Test
    @Order(4)
    void editorRequestsSignOff() throws Exception {
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        assertThat(browser.find("#errors").findElements(By.tagName("li"))).isEmpty();
        browser.click("button[value=request-signoff]");
        browser.waitForText(".notice", "已提请单位负责人签发");
        assertThat(browser.find("#reports tr[data-year='" + YEAR + "']").getText())
                .contains("待负责人签发");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(5)
    void approverSubmitsWithAnExplainedWarning() throws Exception {
        browser.signIn(CONSOLE, "psb-approver");
        // The list says what waits for the approver, and the submit page shows the report as it will be published.
        browser.waitForText("#awaiting-signoff", "待您签发 1");
        browser.click("#awaiting-signoff a");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + YEAR + "/submit"));
        assertThat(browser.find("#full-report td[data-cell='s3.received.total']")
                        .getText())
                .isEqualTo("5");
        assertThat(browser.find("#full-report [data-section=s5]").getText()).contains("存在的主要问题");
        browser.find("button[data-print]");
        WebElement warning = browser.find("ol.warnings li[data-rule=NARRATIVE_NUMBER]");
        warning.findElement(By.tagName("textarea")).sendKeys("总体情况中的 9 件含咨询类来件，表格只计正式申请。");
        browser.screenshot("submit");
        browser.click("button[value=submit]");
        browser.confirm("报送政务公开办");
        browser.waitForText(".notice", "已报送政务公开办");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(6)
    void officeCommentsOnACellAndReturnsTheReport() throws Exception {
        browser.signIn(CONSOLE, "office");
        assertThat(browser.driver.getCurrentUrl()).contains("/office");
        browser.open(CONSOLE + "/office?year=" + YEAR);
        browser.find("#queue tr[data-agency=wuhai-psb] a").click();
        browser.find(".report-review td[data-cell='s3.received.naturalPerson']").click();
        assertThat(browser.find("#anchor").getAttribute("value")).isEqualTo("s3.received.naturalPerson");
        browser.find("#comment-body").sendKeys("本年新收申请数与总体情况所述件数不一致，请核实。");
        browser.click("#comment-form button");
        browser.waitForText(".notice", "已添加意见");
        browser.find("#reason").sendKeys("请按审核意见核实总体情况中的申请件数。");
        browser.screenshot("office-review");
        browser.click("#return-form button[value=return]");
        browser.waitForText(".notice", "已退回");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(7)
    void agencySeesTheCommentOnItsCellFixesAndResubmits() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        // The list says a comment waits for the agency.
        browser.waitForText("#year-" + YEAR + " [data-test=open-comments]", "1 条审核意见待处理");
        browser.open(CONSOLE + "/reports/" + YEAR);
        browser.waitForText("[data-test=return-reason]", "核实");
        browser.wait.until(d -> hasClass("td[data-cell='s3.received.naturalPerson']", "has-comment"));
        assertThat(browser.find(".comments").getText()).contains("请核实").doesNotContain("office");
        // Its author by name, in Chinese order, with the agency they wrote for.
        assertThat(browser.find(".comments [data-test=comment-author]").getText())
                .isEqualTo("王晓梅（乌海市政务公开办）");
        // Readable at its cell: the keyboard goes from the cell to the button beside it, which opens it in place.
        browser.find("#cell-" + cssKey("s3.received.naturalPerson")).sendKeys(Keys.TAB);
        WebElement marker = browser.driver.switchTo().activeElement();
        assertThat(marker.getAttribute("class")).isEqualTo("comment-marker");
        assertThat(marker.getAttribute("aria-label")).contains("审核意见", "自然人");
        marker.sendKeys(Keys.ENTER);
        WebElement popover = browser.visible("td[data-cell='s3.received.naturalPerson'] .comment-popover");
        assertThat(marker.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(popover.getText()).contains("请核实", "王晓梅（乌海市政务公开办）");
        browser.screenshot("editor-comment");
        marker.sendKeys(Keys.ESCAPE);
        assertThat(popover.isDisplayed()).isFalse();
        WebElement s1 = browser.find("#narrative-s1");
        s1.sendKeys(Keys.chord(Keys.CONTROL, "a"), YEAR + "年，本机关共新收政府信息公开申请5件，均已按时答复。");
        browser.waitForText("[data-test=save-status]", "已保存");
        // Dealt with, the editor marks it resolved: it leaves the cell and the list, which shows it on request.
        browser.click(".comments li.open form.resolve button");
        browser.waitForText(".notice", "已将该意见标记为已解决");
        assertThat(hasClass("td[data-cell='s3.received.naturalPerson']", "has-comment"))
                .isFalse();
        assertThat(browser.find(".comments li.resolved").isDisplayed()).isFalse();
        browser.click("#show-resolved");
        assertThat(browser.find(".comments li.resolved").getText()).contains("已解决", "请核实");
        browser.open(CONSOLE + "/reports");
        assertThat(browser.driver.findElements(By.cssSelector("#year-" + YEAR + " [data-test=open-comments]")))
                .isEmpty();
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        browser.click("button[value=request-signoff]");
        browser.waitForText(".notice", "已提请单位负责人签发");
        browser.signOut(CONSOLE);

        browser.signIn(CONSOLE, "psb-approver");
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        assertThat(browser.driver.findElements(By.cssSelector("ol.warnings li[data-rule=NARRATIVE_NUMBER]")))
                .isEmpty();
        browser.click("button[value=submit]");
        browser.confirm("报送政务公开办");
        browser.waitForText(".notice", "已报送政务公开办");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(8)
    void officeApprovesAndPublishesAndThePublicPortalShowsTheReport() throws Exception {
        browser.signIn(CONSOLE, "office");
        browser.open(CONSOLE + "/office/reports/wuhai-psb/" + YEAR);
        // Every step by its person's full name, with the agency they acted for.
        browser.waitForText("[data-test=sign-off]", "张建国（乌海市公安局）");
        assertThat(browser.find("#steps").getText()).contains("李伟（乌海市公安局）", "王晓梅（乌海市政务公开办）");
        browser.click("#return-form button[value=approve]");
        browser.confirm("审核通过后");
        browser.waitForText(".notice", "已审核通过");
        browser.click("#publish-form button[value=publish]");
        browser.confirm("发布后将在公开网站上展示");
        browser.waitForText(".notice", "已发布");
        // Post/redirect/get: the answer to the POST is a page of its own, and reloading it posts nothing again.
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/transitions");
        browser.open(CONSOLE + "/office?year=" + YEAR);
        assertThat(browser.find("#queue tr[data-agency=wuhai-psb]").getText()).contains("已发布");
        browser.screenshot("office-queue");
        browser.signOut(CONSOLE);

        // Publication reaches the portal through the outbox and Redis: give it a moment.
        String page = stack.url(stack.publishingPort) + "/public/wuhai/wuhai-psb/" + YEAR;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            // Polled with a plain load: until the outbox delivers, the portal answers its not-found page.
            browser.driver.get(page);
            String text = browser.find("body").getText();
            if (text.contains("政府信息公开工作年度报告") && text.contains("乌海市公安局")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The portal does not show the published report at " + page + ":\n" + text);
            }
            Thread.sleep(1000);
        }
        browser.assertReadable();
        assertThat(browser.find("td[data-cell='s3.received.total']").getText()).isEqualTo("5");
        browser.screenshot("portal");

        // The front door: the jurisdictions as a tree (districts under the city), the year on record, a search by
        // name that lists the 分局 under 市公安局, one language per page with a switch, and a problem as a page.
        String portal = stack.url(stack.publishingPort);
        browser.open(portal + "/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.find("#jurisdictions li[data-jurisdiction=wuhai] li[data-jurisdiction=wuhai-haibowan]")
                        .getText())
                .contains("海勃湾区");
        assertThat(browser.find("#years").getText()).contains(YEAR + "年");
        browser.screenshot("portal-front-door");
        browser.find("#q").sendKeys("公安局");
        browser.click("form.search button[type=submit]");
        browser.waitForText("#result-count", "找到 4 个机关");
        assertThat(browser.find("#results li span[data-agency=wuhai-psb]").getText())
                .contains(YEAR + "年");
        assertThat(browser.find("#results li ul span[data-agency=wuhai-psb-haibowan]")
                        .getText())
                .contains("海勃湾区");
        browser.click("a.lang");
        browser.waitForText("#result-count", "4 agencies found");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        // The choice is remembered until the reader switches back.
        browser.open(portal + "/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        browser.click("a.lang");
        browser.waitForText("#jurisdictions-title", "辖区");
        browser.open(portal + "/public/no-such-city");
        assertThat(browser.find("#problem").getText()).contains("未找到辖区 no-such-city");
    }

    @Test
    @Order(9)
    void officeSeesTheComplianceDashboardWithScorecardsAndEditsThePack() throws Exception {
        browser.signIn(CONSOLE, "office");
        browser.open(CONSOLE + "/office/compliance?year=" + YEAR);
        WebElement psb = browser.find("#compliance tr[data-agency=wuhai-psb]");
        boolean late = LocalDate.now(China.ZONE).isAfter(LocalDate.of(YEAR + 1, 1, 31));
        String flag = late ? "逾期发布" : "按期发布";
        assertThat(psb.getText()).contains("乌海市公安局", "已发布", flag, "未登记网址");
        assertThat(psb.getAttribute("data-compliance")).isEqualTo(late ? "LATE" : "ON_TIME");
        // Every other agency of the city is listed too, without a report.
        assertThat(browser.find("#compliance tr[data-agency=wuhai-edu]").getText())
                .contains("未创建");
        assertThat(browser.find("#status-chart g[data-status=PUBLISHED]").getAttribute("data-count"))
                .isEqualTo("1");
        assertThat(Integer.parseInt(
                        browser.find("#status-chart g[data-status=NOT_STARTED]").getAttribute("data-count")))
                .isGreaterThan(1);
        assertThat(browser.find("#status-chart rect.bar-PUBLISHED").getAttribute("width"))
                .isNotEqualTo("0");
        // The scorecard beside the agency: the missing website URL is deducted, with its evidence.
        psb.findElement(By.cssSelector("td.scorecard summary")).click();
        WebElement urlDeduction = psb.findElement(By.cssSelector("li[data-item=WEBSITE_URL_MISSING]"));
        assertThat(urlDeduction.getText()).contains("−0.5", "未登记本机关网站发布地址");
        browser.find("#notifications li[data-agency=wuhai-psb]");
        assertThat(browser.driver.findElements(By.cssSelector("#notifications li[data-agency=wuhai-psb]")))
                .anySatisfy(li -> assertThat(li.getText()).contains("还有 7 天"));

        HttpResponse<byte[]> csv = consoleGet("/office/compliance.csv?year=" + YEAR);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
        Words.assertCsvInWords(csv.body(), true, "the console's compliance CSV");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF辖区,机构标识,机构名称");
        assertThat(text.lines()
                        .filter(l -> l.contains(",wuhai-psb,"))
                        .findFirst()
                        .orElseThrow())
                .contains("乌海市公安局", "已发布", flag, "是");

        // The office-admin raises the deduction for a missing website URL and adds a rule chosen by its name; the
        // scorecard follows. Items are chosen from a list of names, never typed as codes.
        WebElement points = browser.find("#pack-form select[name=item] option[value=WEBSITE_URL_MISSING]:checked")
                .findElement(By.xpath("ancestor::tr//input[@name='points']"));
        points.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        WebElement added = browser.find("#pack-form tr.new-line");
        new Select(added.findElement(By.cssSelector("select[name=item]"))).selectByVisibleText("未填写");
        added.findElement(By.cssSelector("input[name=points]")).sendKeys("1");
        assertThat(browser.find("#pack-form").getText()).doesNotContain("WEBSITE_URL_MISSING", "REPORT_MISSING");
        // A date input's typing order follows the browser's locale; the value is what the form sends.
        browser.script("document.getElementById('pack-line').value = arguments[0]", (YEAR + 1) + "-01-20");
        browser.click("#pack-form button[type=submit]");
        browser.waitForText(".notice", "评分细则已保存");
        // Who changed it, by name and with the agency they acted for, as everywhere else.
        assertThat(browser.find("[data-test=pack-updated-by]").getText()).contains("王晓梅（乌海市政务公开办）");
        psb = browser.find("#compliance tr[data-agency=wuhai-psb]");
        psb.findElement(By.cssSelector("td.scorecard summary")).click();
        assertThat(psb.findElement(By.cssSelector("li[data-item=WEBSITE_URL_MISSING]"))
                        .getText())
                .contains("−2");
        assertThat(browser.find("#pack-line").getAttribute("value")).isEqualTo((YEAR + 1) + "-01-20");
        assertThat(browser.find("#pack-form select[name=item] option[value=CELL_MISSING]:checked")
                        .getText())
                .isEqualTo("未填写");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("office-compliance");

        // At 800 px, in English too (longer words), the agencies' table scrolls in its own frame, not the page
        // (it was 1,044 px wide in English).
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(800, 900));
        try {
            for (String lang : List.of("en", "zh")) {
                browser.open(CONSOLE + "/locale?lang=" + lang + "&back=/office/compliance");
                browser.find("#compliance");
                assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("nothing wider than the window on the compliance page in " + lang + " at 800 px")
                        .isTrue();
                WebElement frame = browser.find(".table-wrap[aria-labelledby=compliance-caption]");
                assertThat(frame.getAttribute("tabindex")).isEqualTo("0");
            }
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        }
    }

    @Test
    @Order(10)
    void officeOpensTheCompiledReportInBothScopesAndDownloadsItsCsv() throws Exception {
        browser.open(CONSOLE + "/office/compiled?year=" + YEAR);
        assertThat(browser.find("input[name=scope][value=city]").isSelected()).isTrue();
        assertThat(browser.find("#included li[data-agency=wuhai-psb]").getText())
                .contains("乌海市公安局", "第 1 版");
        assertThat(browser.find("#missing li[data-agency=wuhai-edu]").getText()).contains("未发布");
        // 全市 reaches the districts: a police 分局 is registered in its district, with 市公安局 as its parent.
        assertThat(browser.find("#missing li[data-agency=wuhai-psb-haibowan]").getText())
                .contains("海勃湾区");
        assertThat(browser.find("[data-test=jurisdictions]").getText()).contains("乌海市", "海勃湾区", "乌达区", "海南区");
        assertThat(browser.find("[data-test=incomplete-note]").getText()).contains("汇总不完整");
        assertThat(browser.driver.findElements(By.cssSelector(
                        "#included li[data-agency=wuhai-office], " + "#missing li[data-agency=wuhai-office]")))
                .isEmpty();
        assertThat(browser.find(".compiled-tables td[data-cell='s3.received.total']")
                        .getText())
                .isEqualTo("5");
        browser.find("#compiled-findings");
        browser.screenshot("office-compiled");

        HttpResponse<byte[]> csv = consoleGet("/office/compiled.csv?year=" + YEAR + "&scope=city");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains("\r\n一、本年新收政府信息公开申请数量 · 总计,")
                .doesNotContain("s3.received.total");

        browser.click("input[name=scope][value=own]");
        browser.click("#compiled-form button[type=submit]");
        browser.waitForText("[data-test=scope-note]", "本级汇总在本市登记的全部单位");
        assertThat(browser.find("#included li[data-agency=wuhai-psb]").getText())
                .contains("乌海市公安局");
        assertThat(browser.driver.findElements(By.cssSelector("#missing li[data-agency=wuhai-psb-haibowan]")))
                .isEmpty();
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(11)
    void agencyRecordsTheWebsiteUrlOfItsPublishedReport() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        String url = "https://www.wuhai.gov.cn/gongan/zfxxgk/ndbg/" + YEAR + ".html";
        browser.find("#website-" + YEAR).sendKeys(url);
        browser.click("#year-" + YEAR + " .website-form button");
        browser.waitForText(".notice", "已登记网站发布地址");
        assertThat(browser.find("#year-" + YEAR + " [data-test=website-url]").getText())
                .contains(url);
        // Read back from the publishing service: a reload (or a new visit) still shows it.
        browser.driver.navigate().refresh();
        browser.assertReadable();
        assertThat(browser.find("#year-" + YEAR + " [data-test=website-url]").getText())
                .contains(url);
        assertThat(browser.find("#website-" + YEAR).getAttribute("value")).isEqualTo(url);
        // The agency's own public page, linked from its year.
        String publicPage = stack.url(stack.publishingPort) + "/public/wuhai/wuhai-psb/" + YEAR;
        assertThat(browser.find("#year-" + YEAR + " a[data-test=public-page]").getAttribute("href"))
                .isEqualTo(publicPage);
        browser.click("#year-" + YEAR + " a[data-test=public-page]");
        browser.wait.until(d -> d.getCurrentUrl().equals(publicPage));
        browser.waitForText("body", "乌海市公安局");
        assertThat(browser.find("body").getText()).contains("政府信息公开工作年度报告");
        browser.driver.navigate().back();
        browser.find("#reports");
    }

    @Test
    @Order(12)
    void aSaveFromAnOlderRevisionShowsTheirsBesideYoursAndKeepsWhatWasTyped() throws Exception {
        int year = YEAR - 1;
        browser.open(CONSOLE + "/reports");
        browser.click("#reports tr[data-year='" + year + "'] form button");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + year));
        String cell = "s3.received.naturalPerson";
        browser.find("#cell-" + cssKey(cell));

        // Someone else saves first, straight through the API with a token of their own.
        String token = ServiceStack.token("psb-editor");
        HttpClient http = HttpClient.newHttpClient();
        String reports = stack.url(stack.reportsPort) + "/api/reports/" + year;
        HttpResponse<String> current = http.send(
                HttpRequest.newBuilder(URI.create(reports))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(current.statusCode()).isEqualTo(200);
        HttpResponse<String> patched = http.send(
                HttpRequest.newBuilder(URI.create(reports))
                        .header("Authorization", "Bearer " + token)
                        .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"cells\":{\"" + cell + "\":7}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        // This page still holds the older revision: its save meets the conflict view, and the typed value stays.
        WebElement input = browser.find("#cell-" + cssKey(cell));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        browser.visible("#conflict");
        String rows = browser.find("#conflict-rows").getText();
        assertThat(rows).contains("7", "3");
        assertThat(browser.find("#cell-" + cssKey(cell)).getAttribute("value")).isEqualTo("3");
        browser.screenshot("editor-conflict");
        browser.click("#conflict-mine");
        browser.waitForText("[data-test=save-status]", "已保存");
        assertThat(browser.find("#conflict").isDisplayed()).isFalse();
        assertThat(browser.find("#cell-" + cssKey(cell)).getAttribute("value")).isEqualTo("3");
    }

    @Test
    @Order(13)
    void historyShowsTheDiffBetweenTwoRevisions() throws Exception {
        int year = YEAR - 1;
        browser.open(CONSOLE + "/reports/" + year + "/history");
        List<WebElement> options = new Select(browser.find("select[name=to]")).getOptions();
        assertThat(options).hasSizeGreaterThanOrEqualTo(3);
        String latest = options.stream()
                .map(o -> o.getAttribute("value"))
                .max(java.util.Comparator.comparingInt(Integer::parseInt))
                .orElseThrow();
        new Select(browser.find("select[name=from]")).selectByValue(String.valueOf(Integer.parseInt(latest) - 1));
        new Select(browser.find("select[name=to]")).selectByValue(latest);
        browser.click("form.inline-form button[type=submit]");
        browser.waitForText("#diff-title", "版本 " + (Integer.parseInt(latest) - 1) + " 与版本 " + latest);
        WebElement row = browser.find("#diff table.diff").findElements(By.cssSelector("tbody tr")).stream()
                .filter(tr -> tr.getText().contains("一、本年新收政府信息公开申请数量 · 自然人"))
                .findFirst()
                .orElseThrow();
        assertThat(row.findElement(By.cssSelector("del")).getText()).isEqualTo("7");
        assertThat(row.findElement(By.cssSelector("ins")).getText()).isEqualTo("3");
        // The editing sessions name their author as people read them (assertReadable fails on any username).
        assertThat(browser.find("#timeline li[data-kind=session]").getText()).contains("李伟（乌海市公安局）");
        browser.screenshot("history");
    }

    @Test
    @Order(14)
    void aTextReportIsImportedAfterAPreviewWithFindings() throws Exception {
        Path fixture = Path.of("../services/report-core/src/test/resources/fixtures/wuhai-psb-2021.txt")
                .toAbsolutePath()
                .normalize();
        browser.open(CONSOLE + "/reports/2021/import");
        browser.find("#file").sendKeys(fixture.toString());
        browser.click("main form button[type=submit]");
        browser.waitForText("h1", "wuhai-psb-2021.txt");
        assertThat(browser.find(".report-preview input[name='s3.received.total']")
                        .getAttribute("value"))
                .matches("\\d+");
        List<WebElement> findings = browser.driver.findElements(By.cssSelector("ul.findings li.finding"));
        System.out.println("[test] import preview findings: "
                + findings.stream().map(f -> f.getAttribute("data-rule")).toList());
        assertThat(findings)
                .allSatisfy(f -> assertThat(f.getAttribute("data-rule")).isNotBlank());
        browser.screenshot("import-preview");
        browser.click("form[action$='/import/apply'] button[type=submit]");
        browser.waitForText(".notice", "已导入");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/reports/2021");
        // The list comes from the service's own list of years now, so 2021 shows though it is not a recent year.
        browser.open(CONSOLE + "/reports");
        assertThat(browser.find("#reports tr[data-year='2021']").getText()).contains("草稿");

        // Another agency's report (淮安's PDF), from the import offered on the row of a year being drafted: the
        // preview says whose it is, shows every section and what it replaces, and adopts nothing unconfirmed.
        int year = YEAR - 1;
        browser.click("#reports tr[data-year='" + year + "'] a[data-test=import-" + year + "]");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + year + "/import"));
        browser.find("#file")
                .sendKeys(Path.of("../services/report-core/src/test/resources/fixtures/huaian-gov-2024.pdf")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        browser.click("main form button[type=submit]");
        browser.waitForText("h1", "huaian-gov-2024.pdf");
        assertThat(browser.find("[data-test=other-agency]").getText()).contains("乌海市公安局");
        assertThat(browser.find("form[action$='/import/apply'] .hint").getText())
                .contains(year + " 年度草稿");
        for (String section : List.of("s1", "s5", "s6")) {
            browser.find(".report-preview .narrative-preview[data-section=" + section + "]");
        }
        for (String section : List.of("s2", "s3", "s4")) {
            browser.find(".report-preview #" + section + "-caption");
        }
        String preview = browser.driver.getCurrentUrl();
        browser.click("form[action$='/import/apply'] button[type=submit]");
        assertThat(browser.script("return document.getElementById('confirm-mismatch').validity.valueMissing"))
                .isEqualTo(true);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(preview);
        assertThat(browser.driver.findElements(By.cssSelector(".notice"))).isEmpty();
        browser.click("form[action$='/import/apply'] a");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + year + "/import"));
        browser.signOut(CONSOLE);
    }

    /**
     * At 800 px nothing is wider than the window: the report's tables scroll inside their own frame (focusable and
     * named, so the keyboard scrolls it too), and the findings open as a drawer from the save bar that stays in view
     * while the focus is deep in table 三. At 1400 px the same holds, the findings beside the form.
     */
    @Test
    @Order(15)
    void atEightHundredPixelsTheTablesScrollInTheirFrameAndTheFindingsStayInReach() throws Exception {
        int year = YEAR - 1;
        browser.signIn(CONSOLE, "psb-editor");
        try {
            for (int width : List.of(800, 1400)) {
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                for (String page : List.of(
                        "/reports",
                        "/reports/" + year,
                        "/reports/" + YEAR + "/submit",
                        "/reports/" + year + "/history")) {
                    browser.open(CONSOLE + page);
                    assertThat((Boolean)
                                    browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                            .as("nothing wider than the window on " + page + " at " + width + " px")
                            .isTrue();
                }
                browser.open(CONSOLE + "/reports/" + year);
                WebElement frame = browser.find("#section-s3 .table-wrap");
                assertThat(frame.getAttribute("tabindex")).isEqualTo("0");
                assertThat(frame.getAttribute("role")).isEqualTo("region");
                assertThat(browser.script(
                                "return document.getElementById(arguments[0].getAttribute('aria-labelledby'))"
                                        + ".textContent",
                                frame))
                        .asString()
                        .contains("收到和处理政府信息公开申请情况");
                if (width == 800) {
                    // Table 四's fifteen columns are wider than the window: they scroll inside their frame.
                    assertThat((Boolean) browser.script("""
                            const frame = document.querySelector('#section-s4 .table-wrap');
                            return frame.scrollWidth > frame.clientWidth
                              && frame.getBoundingClientRect().right <= window.innerWidth;"""))
                            .as("table 四 scrolls in its frame")
                            .isTrue();
                }
                // Deep in table 三: the last cell of its last row.
                WebElement cell = browser.find("#cell-" + cssKey("s3.carriedForward.total"));
                browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", cell);
                WebElement toggle = browser.find("#findings-toggle");
                if (width == 800) {
                    assertThat(browser.find("#findings-panel").isDisplayed()).isFalse();
                    toggle.click();
                    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
                    browser.script("arguments[0].focus()", cell);
                } else {
                    assertThat(toggle.isDisplayed())
                            .as("beside the form, nothing to open")
                            .isFalse();
                }
                cell.sendKeys(Keys.END);
                assertThat(browser.script("return document.activeElement.id"))
                        .isEqualTo("cell-s3.carriedForward.total");
                assertThat((Boolean) browser.script("""
                        const r = document.getElementById('findings-panel').getBoundingClientRect();
                        return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight
                          && r.right <= window.innerWidth;"""))
                        .as("the findings in view at " + width + " px")
                        .isTrue();
                assertThat(browser.find("#findings-panel").getText()).contains("待填写");
                assertThat((Boolean) browser.script("""
                        const cell = arguments[0].getBoundingClientRect();
                        const panel = document.getElementById('findings-panel').getBoundingClientRect();
                        return cell.top >= 0 && (cell.bottom <= panel.top || cell.right <= panel.left);""", cell))
                        .as("the focused cell is not under the findings at " + width + " px")
                        .isTrue();
                if (width == 800) {
                    browser.screenshot("editor-800");
                    browser.find("#findings-close").click();
                    assertThat(browser.find("#findings-panel").isDisplayed()).isFalse();
                    assertThat(browser.script("return document.activeElement.id"))
                            .isEqualTo("findings-toggle");
                }
            }
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        }
        browser.signOut(CONSOLE);
    }

    /**
     * The history of a report that went the whole way: the workflow's events in the timeline beside the editing
     * sessions, each by its person; the narrative's change diffed by words (9 → 5, not two paragraphs); and in the
     * editor, last year's value beside each cell and a value carried over from last year's report said to be so.
     */
    @Test
    @Order(16)
    void historyTellsTheWorkflowAndTheEditorShowsLastYear() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        browser.open(CONSOLE + "/reports/" + YEAR + "/history");
        for (String action : List.of("create", "request-signoff", "submit", "return", "approve", "publish")) {
            assertThat(browser.driver.findElements(By.cssSelector("#timeline li[data-kind='" + action + "']")))
                    .as(action + " in the timeline")
                    .isNotEmpty();
        }
        assertThat(browser.find("#timeline li[data-kind=return]").getText())
                .contains("政务公开办退回", "王晓梅（乌海市政务公开办）", "请按审核意见核实");
        assertThat(browser.find("#timeline li[data-kind=submit]").getText()).contains("签发并报送政务公开办", "张建国（乌海市公安局）");
        // The narrative's change (9 → 5 in 总体情况, made after the return) as words, found revision by revision.
        int latest = new Select(browser.find("select[name=to]"))
                .getOptions().stream()
                        .mapToInt(o -> Integer.parseInt(o.getAttribute("value")))
                        .max()
                        .orElseThrow();
        String shown = null;
        for (int to = latest; to > 1 && shown == null; to--) {
            browser.open(CONSOLE + "/reports/" + YEAR + "/history?from=" + (to - 1) + "&to=" + to);
            List<WebElement> s1 = browser.driver.findElements(By.cssSelector("#diff .text-diff[data-section=s1]"));
            if (!s1.isEmpty()) {
                shown = s1.getFirst().getText();
                assertThat(s1.getFirst().findElements(By.tagName("del")))
                        .extracting(WebElement::getText)
                        .as(shown)
                        .containsExactly("9");
                assertThat(s1.getFirst().findElements(By.tagName("ins")))
                        .extracting(WebElement::getText)
                        .as(shown)
                        .containsExactly("5");
            }
        }
        assertThat(shown).as("a revision whose narrative diff is 9 → 5").contains("申请");

        // Last year (YEAR - 1, whose 自然人 count ended at 3 above) beside each cell, read with the cell.
        browser.open(CONSOLE + "/reports/" + YEAR);
        String cell = "s3.received.naturalPerson";
        assertThat(browser.find("#previous-" + cssKey(cell)).getText()).isEqualTo("上年 3");
        assertThat(browser.find("#cell-" + cssKey(cell)).getAttribute("aria-describedby"))
                .contains("previous-" + cell);
        // A value that is what last year's report carried forward says it came from there.
        String token = ServiceStack.token("psb-editor");
        HttpClient http = HttpClient.newHttpClient();
        String last = stack.url(stack.reportsPort) + "/api/reports/" + (YEAR - 1);
        HttpResponse<String> current = http.send(
                HttpRequest.newBuilder(URI.create(last))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> patched = http.send(
                HttpRequest.newBuilder(URI.create(last))
                        .header("Authorization", "Bearer " + token)
                        .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                        .header("Content-Type", "application/json")
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"cells\":{\"s3.carriedForward.naturalPerson\":0}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        browser.open(CONSOLE + "/reports/" + YEAR);
        assertThat(browser.find("td[data-cell='s3.carriedOver.naturalPerson'] .carried")
                        .getText())
                .isEqualTo("由上年报告带入");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(20)
    void platformAdminSeesAgenciesAsATreeInBothLanguages() throws Exception {
        browser.signIn(CONSOLE, "admin");
        browser.open(CONSOLE + "/admin/agencies");
        WebElement wuhai = browser.find(".tree[data-jurisdiction=wuhai]");
        assertThat(wuhai.getText()).contains("乌海市公安局", "乌海市公安局海勃湾区分局");
        browser.screenshot("admin-agencies");
        browser.click("a[hreflang=en]");
        browser.waitForText("h1", "Agencies");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        browser.click("a[hreflang=zh-CN]");
        browser.waitForText("h1", "机构管理");
        browser.signOut(CONSOLE);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A GET on the console with the browser's session, to read a download as the HTTP response it is. */
    private HttpResponse<byte[]> consoleGet(String path) throws Exception {
        return browser.fetch(CONSOLE + path);
    }

    /**
     * Pastes the whole table as a spreadsheet block (tab-separated rows) into its first cell, the way a clerk
     * copies from Excel or WPS; cells not in {@code values} get 0, the fee "0".
     */
    @SuppressWarnings("unchecked")
    private void paste(String table, Map<String, String> values) {
        List<List<String>> rows = (List<List<String>>) browser.script("""
                return Array.from(document.querySelectorAll('#section-' + arguments[0] + ' tr'))
                  .map(tr => Array.from(tr.querySelectorAll('input.cell')).map(i => i.name))
                  .filter(r => r.length);""", table);
        StringBuilder tsv = new StringBuilder();
        for (List<String> row : rows) {
            tsv.append(String.join(
                            "\t",
                            row.stream().map(k -> values.getOrDefault(k, "0")).toList()))
                    .append("\r\n");
        }
        browser.script("""
                const input = document.getElementById('cell-' + arguments[0]);
                input.focus();
                const data = new DataTransfer();
                data.setData('text/plain', arguments[1]);
                input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
                """, rows.getFirst().getFirst(), tsv.toString());
        String last = rows.getLast().getLast();
        assertThat(browser.find("#cell-" + cssKey(last)).getAttribute("value"))
                .isEqualTo(values.getOrDefault(last, "0"));
    }

    /** Types a value into a cell over what it held. */
    private void type(String key, String value) {
        browser.find("#cell-" + cssKey(key)).sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private void narrative(String section, String text) {
        WebElement area = browser.find("#narrative-" + section);
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        assertThat(browser.find("#count-" + section + " .n").getText())
                .isEqualTo(String.valueOf(text.codePointCount(0, text.length())));
    }

    private boolean hasClass(String css, String cls) {
        List<WebElement> found = browser.driver.findElements(By.cssSelector(css));
        return !found.isEmpty()
                && found.getFirst().getAttribute("class") != null
                && List.of(found.getFirst().getAttribute("class").split("\\s+")).contains(cls);
    }

    private static String cssKey(String key) {
        return key.replace(".", "\\.");
    }
}
