package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The platform admin's pages in a real browser: each agency's migration state and migrate-all, then an agency's
 * users from Keycloak, adding one (the temporary password shown once), disabling them. The user is created in the
 * real realm and deleted from it afterwards. And an agency's own admin, who reaches only their agency's users.
 */
class AdminBrowserTest extends ConsoleOnRealStack {

    private final String clerk = "psb-clerk-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterAll
    void deleteTheUsersFromTheRealm() throws Exception {
        TestRealm.deleteUser(clerk);
    }

    @Test
    void platformAdminSeesMigrationStateAndManagesAnAgencysUsers() throws Exception {
        browser.signIn(CONSOLE, "admin");
        browser.open(CONSOLE + "/admin/agencies");
        assertThat(browser.find("[data-test=migration-summary]").getText()).contains("个机构中");
        assertThat(browser.find("li[data-agency=wuhai-psb] > span > [data-test=migration]")
                        .getText())
                .contains("已是最新", "最近变更集");

        browser.click("#migrations button[type=submit]");
        browser.waitForText("#migrate-all-result", "迁移完成");
        assertThat(browser.find("#migrate-all-result").getText()).contains("失败 0 个");

        // Suspending or archiving an agency asks first, naming the agency and what follows; cancelled, nothing is sent.
        browser.open(CONSOLE + "/admin/agencies");
        for (String act : List.of("suspend", "archive")) {
            browser.click("li[data-agency=wuhai-edu] > span form[action$='/" + act + "'] button");
            browser.dismiss(act.equals("suspend") ? "停用后，乌海市教育局的用户将不能登录和填报" : "归档后，乌海市教育局将不再出现在报送要求中");
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(CONSOLE + "/admin/agencies");
            assertThat(browser.driver.findElements(By.cssSelector(".notice"))).isEmpty();
        }

        browser.click("li[data-agency=wuhai-psb] > span > a[href$='/admin/agencies/wuhai-psb/users']");
        browser.waitForText("h1", "乌海市公安局的用户");
        assertThat(browser.find("#users tr[data-user=psb-editor]").getText()).contains("已启用");
        assertThat(browser.find("#users tr[data-user=psb-editor] li[data-role]").getText())
                .isEqualTo("填报人员");

        browser.find("#username").sendKeys(clerk);
        browser.find("#lastName").sendKeys("王");
        browser.find("#firstName").sendKeys("芳");
        browser.click("#role-agency-approver");
        browser.click("#add-user button[type=submit]");

        browser.waitForText("#added", clerk);
        assertThat(browser.find("#temporary-password").getText()).matches("\\S{16}");
        String row = browser.find("#users tr[data-user='" + clerk + "']").getText();
        assertThat(row).contains("王芳", "已启用", "修改密码");
        // The roles held, not the boxes of the roles form (which name every role).
        assertThat(browser.driver.findElements(By.cssSelector("#users tr[data-user='" + clerk + "'] li[data-role]")))
                .extracting(e -> e.getText())
                .containsExactlyInAnyOrder("填报人员", "单位负责人（签发）");
        browser.screenshot("admin-users");

        browser.driver.navigate().refresh();
        browser.waitForText("h1", "乌海市公安局的用户");
        assertThat(browser.driver.findElements(By.id("temporary-password")))
                .as("reloading neither adds the user again nor shows the password again")
                .isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#users tr[data-user='" + clerk + "']")))
                .hasSize(1);

        browser.click("#users tr[data-user='" + clerk + "'] button");
        browser.waitForText(".notice", "已停用该用户");
        assertThat(browser.find("#users tr[data-user='" + clerk + "']").getText())
                .contains("已停用");
        assertThat(browser.driver.findElements(By.id("temporary-password")))
                .as("the temporary password is shown once")
                .isEmpty();
        browser.signOut(CONSOLE);
    }

    @Test
    void anAgencyAdminReachesTheirOwnUsersFromTheNavigationAndNoOneElses() {
        browser.signIn(CONSOLE, "psb-admin");
        browser.click("nav [data-test=nav-users]");
        browser.waitForText("h1", "乌海市公安局的用户");
        assertThat(browser.find("#users tr[data-user=psb-editor]").getText()).contains("填报人员");
        assertThat(browser.driver.findElements(By.cssSelector("nav a[href$='/admin/agencies']")))
                .as("the agency tree is the platform admin's")
                .isEmpty();

        browser.open(CONSOLE + "/admin/agencies/wuhai-psb-haibowan/users");
        browser.waitForText("[data-test=problem]", "未找到");
        assertThat(browser.driver.getPageSource()).doesNotContain("hbw-editor");
        assertThat(browser.find("[data-test=user-name]").getText())
                .as("the problem page keeps the shell")
                .isNotBlank();
        assertThat(browser.find("nav [data-test=nav-users]").getAttribute("href"))
                .endsWith("/wuhai-psb/users");
        browser.signOut(CONSOLE);
    }
}
