package dev.gongkai.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console end to end in a real browser, on the real Keycloak and the real services: the whole life of one
 * report, from the editor's first keystroke to the public portal. The steps depend on each other and run in order.
 * The console listens on port 8080, because the realm's client allows redirects to 127.0.0.1:8080 only.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"server.port=8080", "spring.thymeleaf.cache=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String CONSOLE = "http://127.0.0.1:8080";
    static final int YEAR = LocalDate.now().getYear() - 1;
    /** Table 三 received.total disagrees with its row (5 + 0 + … ≠ 6): S3_ROW_TOTAL must mark that cell. */
    static final String WRONG_TOTAL = "s3.received.total";

    static ServiceStack stack;
    Browser browser;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        stack = ServiceStack.get();
        registry.add("gongkai.console.tenants-url", () -> stack.url(stack.tenantsPort));
        registry.add("gongkai.console.reports-url", () -> stack.url(stack.reportsPort));
        registry.add("gongkai.console.publishing-url", () -> stack.url(stack.publishingPort));
        registry.add("gongkai.console.keycloak-url", () -> ServiceStack.KEYCLOAK);
    }

    @BeforeAll
    void openBrowser() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void editorSignsInThroughKeycloakAndSeesTheAgencyAndItsReports() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/reports");
        browser.waitForText("[data-test=agency-name]", "乌海市公安局");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.find("#reports tr[data-year='" + YEAR + "']").getText()).contains("未创建");
        browser.screenshot("reports");
    }

    @Test
    @Order(2)
    void anInconsistentTableIsMarkedOnTheRightCellAndTheFixClearsIt() throws Exception {
        browser.click("#reports tr[data-year='" + YEAR + "'] form button");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + YEAR));
        browser.find("#editor input.cell");

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
        assertThat(browser.find("#findings li[data-rule=S3_ROW_TOTAL]").getText()).contains("6");
        assertThat(browser.driver.findElements(By.cssSelector("td.finding-error"))).isNotEmpty();
        browser.screenshot("editor-finding");

        WebElement cell = browser.find("#cell-" + cssKey(WRONG_TOTAL));
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "5");
        browser.wait.until(d -> !hasClass("td[data-cell='" + WRONG_TOTAL + "']", "finding-error"));
        browser.wait.until(d -> d.findElements(By.cssSelector("#editor td.finding-error")).isEmpty());
        browser.waitForText("[data-test=save-status]", "已保存");
        browser.screenshot("editor");
    }

    @Test
    @Order(3)
    void editorRequestsSignOff() throws Exception {
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        assertThat(browser.find("#errors").findElements(By.tagName("li"))).isEmpty();
        browser.click("button[value=request-signoff]");
        browser.waitForText(".notice", "已提请单位负责人签发");
        assertThat(browser.find("#reports tr[data-year='" + YEAR + "']").getText()).contains("待负责人签发");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(4)
    void approverSubmitsWithAnExplainedWarning() throws Exception {
        browser.signIn(CONSOLE, "psb-approver");
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        WebElement warning = browser.find("ol.warnings li[data-rule=NARRATIVE_NUMBER]");
        warning.findElement(By.tagName("textarea")).sendKeys("总体情况中的 9 件含咨询类来件，表格只计正式申请。");
        browser.screenshot("submit");
        browser.click("button[value=submit]");
        browser.waitForText(".notice", "已报送政务公开办");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(5)
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
    @Order(6)
    void agencySeesTheCommentOnItsCellFixesAndResubmits() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        browser.open(CONSOLE + "/reports/" + YEAR);
        browser.waitForText("[data-test=return-reason]", "核实");
        browser.wait.until(d -> hasClass("td[data-cell='s3.received.naturalPerson']", "has-comment"));
        assertThat(browser.find(".comments").getText()).contains("请核实");
        browser.screenshot("editor-comment");
        WebElement s1 = browser.find("#narrative-s1");
        s1.sendKeys(Keys.chord(Keys.CONTROL, "a"), YEAR + "年，本机关共新收政府信息公开申请5件，均已按时答复。");
        browser.waitForText("[data-test=save-status]", "已保存");
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        browser.click("button[value=request-signoff]");
        browser.waitForText(".notice", "已提请单位负责人签发");
        browser.signOut(CONSOLE);

        browser.signIn(CONSOLE, "psb-approver");
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        assertThat(browser.driver.findElements(By.cssSelector("ol.warnings li[data-rule=NARRATIVE_NUMBER]"))).isEmpty();
        browser.click("button[value=submit]");
        browser.waitForText(".notice", "已报送政务公开办");
        browser.signOut(CONSOLE);
    }

    @Test
    @Order(7)
    void officeApprovesAndPublishesAndThePublicPortalShowsTheReport() throws Exception {
        browser.signIn(CONSOLE, "office");
        browser.open(CONSOLE + "/office/reports/wuhai-psb/" + YEAR);
        browser.click("#return-form button[value=approve]");
        browser.waitForText(".notice", "已审核通过");
        browser.click("#publish-form button[value=publish]");
        browser.waitForText(".notice", "已发布");
        browser.open(CONSOLE + "/office?year=" + YEAR);
        assertThat(browser.find("#queue tr[data-agency=wuhai-psb]").getText()).contains("已发布");
        browser.screenshot("office-queue");
        browser.signOut(CONSOLE);

        // Publication reaches the portal through the outbox and Redis: give it a moment.
        String page = stack.url(stack.publishingPort) + "/public/wuhai/wuhai-psb/" + YEAR;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            browser.open(page);
            String text = browser.find("body").getText();
            if (text.contains("政府信息公开工作年度报告") && text.contains("乌海市公安局")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The portal does not show the published report at " + page + ":\n" + text);
            }
            Thread.sleep(1000);
        }
        assertThat(browser.find("td[data-cell='s3.received.total']").getText()).isEqualTo("5");
        browser.screenshot("portal");
    }

    @Test
    @Order(8)
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
            tsv.append(String.join("\t", row.stream().map(k -> values.getOrDefault(k, "0")).toList())).append("\r\n");
        }
        browser.script("""
                const input = document.getElementById('cell-' + arguments[0]);
                input.focus();
                const data = new DataTransfer();
                data.setData('text/plain', arguments[1]);
                input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
                """, rows.getFirst().getFirst(), tsv.toString());
        String last = rows.getLast().getLast();
        assertThat(browser.find("#cell-" + cssKey(last)).getAttribute("value")).isEqualTo(values.getOrDefault(last, "0"));
    }

    private void narrative(String section, String text) {
        WebElement area = browser.find("#narrative-" + section);
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        assertThat(browser.find("#count-" + section + " .n").getText()).isEqualTo(
                String.valueOf(text.codePointCount(0, text.length())));
    }

    private boolean hasClass(String css, String cls) {
        List<WebElement> found = browser.driver.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.getFirst().getAttribute("class") != null
                && List.of(found.getFirst().getAttribute("class").split("\\s+")).contains(cls);
    }

    private static String cssKey(String key) {
        return key.replace(".", "\\.");
    }
}
