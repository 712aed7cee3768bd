package dev.gongkai.console.agency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.console.ConsoleOnRealStack;
import dev.gongkai.contract.China;
import dev.gongkai.report.testing.Words;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The files of a report year in a real browser, on the real Keycloak and services: the sign-off page shows the report
 * as it will be published with its draft PDF, attachments go up, down and away (with a confirmation) while the report
 * is a draft, and the audit page tells the trail in words with the chain check. A year of its own, so that the
 * whole-life test of {@code ConsoleBrowserTest} is not disturbed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportFilesBrowserTest extends ConsoleOnRealStack {

    /**
     * A year of 乌海市公安局 no other browser test drafts (the browser tests share one stack) and the report list offers
     * to create: the year being reported on now. ConsoleBrowserTest takes the two before it, OfficeBrowserTest the one
     * before those, CorrectionBrowserTest three years back and TwoConsolesTest 2022.
     */
    static final int YEAR = LocalDate.now(China.ZONE).getYear();
    /** A time as people read it: 2026-12-06 15:33. */
    static final String MINUTES = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}";

    private static byte[] draftPdf;

    @Test
    @Order(1)
    void theApproverReadsTheReportAsItWillBePublishedWithItsDraftPdf() throws Exception {
        browser.signIn(CONSOLE, "psb-editor");
        browser.click("#reports tr[data-year='" + YEAR + "'] form button");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + YEAR));
        int revision = Integer.parseInt(browser.find("#editor").getAttribute("data-revision"));
        narrative("s5", "存在的主要问题是主动公开栏目更新不及时，下一步将建立定期更新制度。");
        browser.wait.until(
                d -> Integer.parseInt(d.findElement(By.id("editor")).getAttribute("data-revision")) > revision
                        && browser.script("return localStorage.length").equals(0L));
        browser.signOut(CONSOLE);

        // The approver reads the report as the public will, with a print button and a draft PDF for 领导审签.
        browser.signIn(CONSOLE, "psb-approver");
        browser.open(CONSOLE + "/reports/" + YEAR + "/submit");
        assertThat(browser.find("#full-report [data-section=s5]").getText()).contains("主动公开栏目更新不及时");
        browser.find("#full-report td[data-cell='s3.received.total']");
        browser.find("button[data-print]");
        WebElement pdfLink = browser.find("#draft-pdf");
        assertThat(pdfLink.getText()).contains("下载 PDF 草稿");
        browser.screenshot("submit-draft-pdf");

        HttpResponse<byte[]> pdf = browser.fetch(pdfLink.getAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text =
                Words.assertPdfInWords(pdf.body(), "the console's draft PDF").replaceAll("\\s+", "");
        assertThat(text).contains("草稿·未发布", "乌海市公安局", "主动公开栏目更新不及时");
        draftPdf = pdf.body();
        browser.signOut(CONSOLE);
        browser.signIn(CONSOLE, "psb-editor");
    }

    private void narrative(String section, String text) {
        browser.find("#narrative-" + section).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    @Test
    @Order(2)
    void attachmentsAreUploadedDownloadedAndRemovedWhileADraft() throws Exception {
        browser.open(CONSOLE + "/reports");
        browser.click("#reports tr[data-year='" + YEAR + "'] a[href$='/attachments']");
        browser.waitForText("h1", YEAR + " 年度报告的附件");
        browser.find("#no-attachments");

        // Not a PDF, PNG or JPEG: refused, in words.
        Path text = Files.createTempDirectory("attach").resolve("说明.pdf");
        Files.writeString(text, "这不是 PDF 文件", StandardCharsets.UTF_8);
        browser.find("#attachment-file").sendKeys(text.toString());
        browser.click("#upload-form button[type=submit]");
        browser.waitForText(".error", "只能上传 PDF、PNG 或 JPEG 文件");
        browser.assertReadable();

        Path signed = text.resolveSibling("签章版.pdf");
        Files.write(signed, draftPdf);
        browser.find("#attachment-file").sendKeys(signed.toString());
        browser.click("#upload-form button[type=submit]");
        browser.waitForText(".notice", "附件已上传");
        WebElement row = browser.find("#attachments tbody tr");
        // Who uploaded it by full name (psb-editor is 李伟), when in China's time to the minute.
        assertThat(row.getText())
                .contains("签章版.pdf", "KB", "李伟")
                .doesNotContain("psb-editor")
                .containsPattern(MINUTES);
        // The minute it was uploaded, in China's time (not UTC).
        java.time.LocalDateTime now = java.time.LocalDateTime.now(China.ZONE);
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        assertThat(row.getText())
                .containsAnyOf(now.format(minute), now.minusMinutes(1).format(minute));
        browser.screenshot("attachments");

        HttpResponse<byte[]> download = browser.fetch(
                row.findElement(By.cssSelector("a[data-test=download]")).getAttribute("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(draftPdf);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");

        row.findElement(By.cssSelector("button[data-confirm]")).click();
        browser.confirm("签章版.pdf");
        browser.waitForText(".notice", "附件已删除");
        browser.find("#no-attachments");
        // Post/redirect/get: a reload shows the page again and sends nothing.
        assertThat(browser.driver.getCurrentUrl()).endsWith("/reports/" + YEAR + "/attachments");
    }

    @Test
    @Order(3)
    void theAuditPageTellsTheTrailInWordsAndTheChainIsIntact() throws Exception {
        browser.open(CONSOLE + "/reports");
        browser.click("#reports tr[data-year='" + YEAR + "'] a[href$='/audit']");
        browser.waitForText("#audit-chain h2", "审计链完整");
        assertThat(browser.find("#audit-chain").getAttribute("data-intact")).isEqualTo("true");
        assertThat(browser.find("#audit-checkpoint").getText()).contains("校验点核对一致");
        var entries = browser.driver.findElements(By.cssSelector("#audit-entries li"));
        assertThat(entries.get(0).getText()).contains("删除附件", "李伟", "签章版.pdf").containsPattern(MINUTES);
        assertThat(entries.get(1).getText()).contains("上传附件", "签章版.pdf");
        assertThat(entries.getLast().getText()).contains("新建草稿");
        browser.screenshot("audit");
        browser.signOut(CONSOLE);
    }
}
