package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** 下属单位: 乌海市公安局's approver watches 海勃湾区分局's progress; its editor is not shown the page. */
class BranchesBrowserTest extends ConsoleOnRealStack {

    @Test
    void theParentsApproverSeesItsBranchesProgressButNotTheirDrafts() {
        browser.signIn(CONSOLE, "psb-approver");
        browser.click("nav [data-test=nav-branches]");
        browser.waitForText("h1", "下属单位报送进度");
        String row =
                browser.find("#branches tr[data-agency=wuhai-psb-haibowan]").getText();
        assertThat(row)
                .contains("海勃湾区分局")
                .containsAnyOf("未创建", "草稿", "待负责人签发", "已报送", "已退回", "审核通过", "已发布")
                .contains("错误");
        assertThat(browser.driver.findElements(By.cssSelector("#branches a")))
                .as("progress only, no way into a branch's drafts")
                .isEmpty();
        assertThat(browser.pageText()).doesNotContain("wuhai-psb-haibowan", "PUBLISHED", "DRAFT", "NONE");
        browser.assertAccessible();
        browser.assertReadable();
        browser.click("a[hreflang=en]");
        browser.waitForText("h1", "Branches");
        browser.assertReadable();
        browser.click("a[hreflang=zh-CN]");
        browser.waitForText("h1", "下属单位");
        browser.signOut(CONSOLE);
    }

    @Test
    void theParentsEditorHasNoLinkAndIsRefused() {
        browser.signIn(CONSOLE, "psb-editor");
        assertThat(browser.driver.findElements(By.cssSelector("nav [data-test=nav-branches]")))
                .isEmpty();
        browser.open(CONSOLE + "/branches");
        browser.waitFor("[data-test=problem]");
        assertThat(browser.driver.getPageSource()).doesNotContain("海勃湾区分局");
        browser.signOut(CONSOLE);
    }
}
