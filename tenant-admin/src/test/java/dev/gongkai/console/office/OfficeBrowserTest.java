package dev.gongkai.console.office;

import dev.gongkai.console.ConsoleOnRealStack;
import dev.gongkai.console.ServiceStack;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.TableColumn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's daily work in a real browser on the real stack: the review queue on the cycle being drafted with
 * what waits first, the review page's sign-off record and print, and reminders (催报) by hand to one late agency and to every late one, with their history and
 * the office's schedule. The steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeBrowserTest extends ConsoleOnRealStack {

    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    /** The cycle the queue opens on. */
    static final int DRAFTING = OfficeYears.drafting(TODAY);
    /** A cycle long past its deadline that no other browser test submits a report of: every agency is late. */
    static final int LATE_YEAR = TODAY.getYear() - 2;
    static final JsonMapper JSON = JsonMapper.builder().build();
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
        assertThat(rows.getFirst().findElement(By.cssSelector("[data-test=review]")).getText()).isEqualTo("审核");
        // An agency that has not submitted offers nothing to review: no 审核, and its name is not a link.
        List<WebElement> notStarted = browser.driver.findElements(By.cssSelector("#queue tr[data-status=NOT_STARTED]"));
        assertThat(notStarted).isNotEmpty();
        assertThat(notStarted).allSatisfy(r -> assertThat(r.findElements(By.tagName("a"))).isEmpty());
        browser.screenshot("office-queue-waiting");
        // The agency's name opens its review.
        browser.click("#queue tr[data-agency=" + AGENCY + "] th a");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/office/reports/" + AGENCY + "/" + DRAFTING));
        browser.waitForText("h1", branch);
        browser.find("#return-form");
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
        // Sent by the office's 王晓梅, by name.
        assertThat(byHand.findElement(By.cssSelector("[data-test=sent-by]")).getText()).contains("王晓梅");
        assertThat(browser.find("[data-test=schedule]").getText()).contains("王晓梅");

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
        assertThat(browser.find("#agency-wuhai-psb-haibowan li[data-kind=BY_HAND]").getAttribute("textContent"))
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

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The branch's report of the year, drafted complete and submitted through the reports API (as its staff would). */
    private static void submitThroughTheApi(int year) throws Exception {
        try (var db = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + stack.database,
                "postgres", "")) {
            db.createStatement().executeUpdate("insert into core.agency_membership (user_id, username, agency_slug, role)"
                    + " select user_id, username, agency_slug, 'agency-approver' from core.agency_membership"
                    + " where username = '" + STAFF + "' and agency_slug = '" + AGENCY + "' limit 1"
                    + " on conflict do nothing");
        }
        String reports = stack.url(stack.reportsPort);
        String staff = ServiceStack.token(STAFF);
        HttpResponse<String> created = send(staff, "POST", reports + "/api/reports", "{\"year\":" + year + "}",
                Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int revision = JSON.readTree(send(staff, "GET", reports + "/api/reports/" + year, null, Map.of()).body())
                .path("revision").asInt();
        HttpResponse<String> patched = send(staff, "PATCH", reports + "/api/reports/" + year, complete(year),
                Map.of("If-Match", "\"r" + revision + "\""));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        String transitions = reports + "/api/reports/" + year + "/transitions";
        Map<String, Object> submit = new LinkedHashMap<>(Map.of("action", "submit"));
        // The new role reaches the service within its membership cache's 15 seconds.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpResponse<String> submitted;
        while (true) {
            submitted = send(staff, "POST", transitions, JSON.writeValueAsString(submit),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (submitted.statusCode() == 422 && !submit.containsKey("explanations")) {
                Map<String, String> explanations = new LinkedHashMap<>();
                JSON.readTree(submitted.body()).path("unexplained_warnings")
                        .forEach(w -> explanations.put(w.asString(), "已核实，数字无误。"));
                submit.put("explanations", explanations);
            } else if (submitted.statusCode() != 403 || System.nanoTime() > deadline) {
                break;
            } else {
                Thread.sleep(2000);
            }
        }
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }

    /** Every cell filled so that the arithmetic holds, and the three narratives. */
    private static String complete(int year) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (CellDefinition cell : ReportFormat.V2021.layout().cells()) {
            cells.put(cell.key(), cell.key().equals("s2.fees.amount") ? "0" : 0);
        }
        for (TableColumn column : ReportLayout.APPLICANT_COLUMNS) {
            int n = column.key().equals("total") ? 6 : 1;
            cells.put("s3.received." + column.key(), n);
            cells.put("s3.granted." + column.key(), n);
            cells.put("s3.handledTotal." + column.key(), n);
        }
        return JSON.writeValueAsString(Map.of("cells", cells, "narrative", Map.of(
                "s1", year + "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理依申请公开。",
                "s5", year + "年存在的主要问题是公开内容不够全面，改进措施是加强培训、完善制度、提高质量。",
                "s6", "无。")));
    }

    private static HttpResponse<String> send(String token, String method, String url, String body,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
