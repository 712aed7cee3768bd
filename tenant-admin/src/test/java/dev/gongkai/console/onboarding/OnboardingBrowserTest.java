package dev.gongkai.console.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.console.ConsoleOnRealStack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The office onboards its city's past reports in a real browser on the real stack: a zip of two past reports of the
 * demo city (卫生健康委员会 2019 and 财政局 2020: years and agencies no other browser test drafts or publishes) and
 * one of the cycle being drafted is checked, the table is read in words with nothing saved, then 确认导入 imports
 * the same upload, kept by the console, without uploading it again.
 */
class OnboardingBrowserTest extends ConsoleOnRealStack {

    static final int HEALTH_YEAR = 2019;
    static final int FINANCE_YEAR = 2020;
    /** This calendar year in China: always the cycle being drafted (its report is due next January), never history. */
    static final int DRAFTING_YEAR =
            java.time.LocalDate.now(dev.gongkai.contract.China.ZONE).getYear();

    private static Path archive() throws IOException {
        Path demo = Path.of("../infra/demo/reports").toAbsolutePath().normalize();
        String psb2020 = Files.readString(demo.resolve("wuhai-psb-2020.txt"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "卫健委/" + HEALTH_YEAR + "年年报.txt",
                psb2020.replace("乌海市公安局", "乌海市卫生健康委员会").replace("2020年", HEALTH_YEAR + "年"));
        files.put("财政局/" + FINANCE_YEAR + "年年报.txt", psb2020.replace("乌海市公安局", "乌海市财政局"));
        files.put(
                "公安局/" + DRAFTING_YEAR + "年年报.txt",
                Files.readString(demo.resolve("wuhai-psb-2025.txt")).replace("2025", Integer.toString(DRAFTING_YEAR)));
        Path zip = Files.createTempFile("onboarding-", ".zip");
        zip.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(zip);
                var archive = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                archive.putNextEntry(new ZipEntry(file.getKey()));
                archive.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                archive.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void theOfficeChecksAZipOfPastReportsReadsTheTableThenImportsIt() throws Exception {
        browser.signIn(CONSOLE, "office");
        browser.click("header nav a[href$='/office/onboarding']");
        browser.waitForText("h1", "导入往年年报");
        browser.assertReadable();
        browser.assertAccessible();

        browser.find("#file").sendKeys(archive().toString());
        browser.click("#onboarding-form button[type=submit]");
        browser.waitForText("[data-test=stage]", "尚未导入任何报告");
        browser.assertReadable();
        assertThat(browser.find("#outcomes li[data-outcome=import]").getText()).isEqualTo("将导入 2 个文件");
        assertThat(browser.find("#outcomes li[data-outcome=current-cycle]").getText())
                .isEqualTo("当前填报年度，不导入 1 个文件");
        assertThat(browser.find("#summary").getText()).startsWith("共 3 个文件：3 份年度报告，0 个不是年度报告");
        WebElement health = browser.find("#onboarding tr[data-year='" + HEALTH_YEAR + "']");
        assertThat(health.getText())
                .contains(
                        "卫健委/" + HEALTH_YEAR + "年年报.txt",
                        "乌海市卫生健康委员会",
                        Integer.toString(HEALTH_YEAR),
                        "2019 年版格式",
                        "将导入");
        assertThat(health.getAttribute("data-outcome")).isEqualTo("import");
        assertThat(browser.find("#onboarding tr[data-year='" + FINANCE_YEAR + "']")
                        .getText())
                .contains("乌海市财政局", "将导入");
        assertThat(browser.find("#onboarding tr[data-year='" + DRAFTING_YEAR + "'] [data-test=outcome]")
                        .getText())
                .contains("当前填报年度，不导入", "填报、审核流程");
        browser.assertAccessible();
        browser.screenshot("onboarding-check");

        // 确认导入 posts the upload the console kept: no file is chosen again.
        browser.click("#import-form button[type=submit]");
        browser.waitForText("[data-test=stage]", "结果如下");
        browser.assertReadable();
        assertThat(browser.find("#outcomes li[data-outcome=imported]").getText())
                .isEqualTo("已导入 2 个文件");
        assertThat(browser.driver.findElements(By.cssSelector("#outcomes li[data-outcome=import]")))
                .isEmpty();
        assertThat(browser.find("#onboarding tr[data-year='" + HEALTH_YEAR + "'] [data-test=outcome]")
                        .getText())
                .contains("已导入");
        assertThat(browser.find("#onboarding tr[data-year='" + DRAFTING_YEAR + "']")
                        .getAttribute("data-outcome"))
                .isEqualTo("current-cycle");
        assertThat(browser.driver.findElements(By.id("import-form"))).isEmpty();
        browser.assertAccessible();
        browser.screenshot("onboarding-imported");

        // The same zip again: both are there already, and the page says so in English too.
        browser.open(CONSOLE + "/locale?lang=en&back=/office/onboarding");
        browser.find("#file").sendKeys(archive().toString());
        browser.click("#onboarding-form button[type=submit]");
        browser.waitForText("[data-test=stage]", "nothing has been imported yet");
        browser.assertReadable();
        assertThat(browser.find("#outcomes li[data-outcome=already-imported]").getText())
                .isEqualTo("Imported before: 2 files");
        assertThat(browser.find("#import-form button[type=submit]").isEnabled()).isFalse();
        browser.assertAccessible();
        browser.open(CONSOLE + "/locale?lang=zh&back=/office/onboarding");
        browser.signOut(CONSOLE);
    }
}
