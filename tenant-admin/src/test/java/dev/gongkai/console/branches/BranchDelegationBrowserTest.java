package dev.gongkai.console.branches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.console.ConsoleOnRealStack;
import dev.gongkai.console.TestRealm;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 下属单位的用户由本单位管理员管理 on 乌海市公安局. The platform admin (the demo's {@code admin}: password and a TOTP
 * computed here, through Keycloak's own login pages) sets and clears it with the agency tree's control. With it set,
 * an admin of the bureau, made for this test (in the realm and in this run's registry), goes from 下属单位 to
 * 海勃湾区分局's users, sees whose users they manage and for whom, adds a clerk, disables them, makes them an approver
 * instead and removes them from the branch. Each test sets the flag as it needs it; it is cleared and the people
 * removed afterwards; no report is drafted.
 */
class BranchDelegationBrowserTest extends ConsoleOnRealStack {

    private static final String CITY_PSB = "wuhai-psb";
    private static final String BRANCH = "wuhai-psb-haibowan";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String admin = "psb-deleg-" + run;
    private final String clerk = "hbw-clerk-" + run;

    @BeforeAll
    void aBureauAdminWithDelegation() throws Exception {
        String id = TestRealm.createUser(admin, "孙", "丽");
        try (var db = connect();
                var grant =
                        db.prepareStatement("insert into core.agency_membership (user_id, username, agency_slug, role)"
                                + " values (?, ?, ?, 'agency-admin')")) {
            grant.setString(1, id);
            grant.setString(2, admin);
            grant.setString(3, CITY_PSB);
            grant.executeUpdate();
        }
    }

    @AfterAll
    void clearTheFlagAndRemoveThePeople() throws Exception {
        delegate(false);
        TestRealm.deleteUser(clerk);
        TestRealm.deleteUser(admin);
    }

    /**
     * The control had been tested through the API only: the platform admin signs in with their second factor, sets
     * the flag after the page's question (which names the bureau and what its admins may then do), reads it in words
     * on the bureau's line, and clears it the same way; the registry shows each click landed.
     */
    @Test
    void thePlatformAdminSetsAndClearsDelegationWithTheAgencyTreesControl() throws Exception {
        delegate(false);
        browser.signIn(CONSOLE, "admin");
        browser.open(CONSOLE + "/admin/agencies");
        String line = "li[data-agency=" + CITY_PSB + "] > span";
        String control = line + " > form[data-test=delegation-form] button";
        assertThat(browser.driver.findElements(By.cssSelector(line + " > [data-test=delegation]")))
                .isEmpty();
        assertThat(browser.find(control).getText()).isEqualTo("由本单位管理员管理下属单位的用户");
        assertThat(browser.find(control).getAttribute("aria-label")).endsWith("乌海市公安局");

        browser.click(control);
        browser.confirm("设置后，乌海市公安局的管理员可以查看、添加、停用、启用其所有下属单位");
        browser.waitForText(".notice", "已设置：下属单位的用户由本单位管理员管理");
        assertThat(browser.find(line + " > [data-test=delegation]").getText()).isEqualTo("下属单位的用户由本单位管理员管理");
        assertThat(browser.find(control).getText()).isEqualTo("收回下属单位用户的管理");
        assertThat(delegated()).isTrue();
        browser.assertReadable();
        browser.assertAccessible();

        browser.click(control);
        browser.confirm("收回后，乌海市公安局的管理员不能再管理下属单位的用户");
        browser.waitForText(".notice", "已收回：下属单位的用户由各单位自己的管理员管理");
        assertThat(browser.driver.findElements(By.cssSelector(line + " > [data-test=delegation]")))
                .isEmpty();
        assertThat(browser.find(control).getText()).isEqualTo("由本单位管理员管理下属单位的用户");
        assertThat(delegated()).isFalse();
        browser.assertAccessible();
        browser.signOut(CONSOLE);
    }

    @Test
    void theBureausAdminManagesABranchsUsersFromTheBranchesPage() throws Exception {
        delegate(true);
        browser.signIn(CONSOLE, admin, TestRealm.PASSWORD);
        browser.click("nav [data-test=nav-branches]");
        browser.waitForText("h1", "下属单位报送进度");
        assertThat(browser.find("[data-test=manage-users-hint]").getText()).contains("管理下属单位的用户");
        browser.assertAccessible();
        browser.click("#branches tr[data-agency=" + BRANCH + "] [data-test=branch-users]");

        browser.waitForText("h1", "下属单位乌海市公安局海勃湾区分局的用户");
        assertThat(browser.find("[data-test=managed-for]").getText()).contains("乌海市公安局管理员");
        browser.find("#username").sendKeys(clerk);
        browser.find("#lastName").sendKeys("钱");
        browser.find("#firstName").sendKeys("进");
        assertThat(browser.find("#add-user").getText()).doesNotContain("政务公开办", "平台管理员");
        browser.click("#add-user button[type=submit]");
        browser.waitForText("#added", clerk);
        assertThat(browser.find("#users tr[data-user='" + clerk + "']").getText())
                .contains("钱进", "已启用");
        assertThat(browser.find("#users tr[data-user='" + clerk + "'] li[data-role]")
                        .getText())
                .isEqualTo("填报人员");

        browser.click("#users tr[data-user='" + clerk + "'] button");
        browser.waitForText(".notice", "已停用该用户");
        assertThat(browser.find("#users tr[data-user='" + clerk + "']").getText())
                .contains("已停用");

        // The clerk becomes 单位负责人（签发） instead of 填报人员: their roles in the branch, saved.
        String row = "#users tr[data-user='" + clerk + "']";
        assertThat(browser.find(row + " [data-roles-of] input[value=agency-editor]")
                        .isSelected())
                .isTrue();
        browser.click(row + " [data-roles-of] input[value=agency-editor]");
        browser.click(row + " [data-roles-of] input[value=agency-approver]");
        browser.click(row + " [data-roles-of] button[type=submit]");
        browser.waitForText(".notice", "已保存该用户在本单位的角色");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(row + " li[data-role]")))
                .extracting(e -> e.getAttribute("data-role"))
                .containsExactly("agency-approver");
        assertThat(browser.find(row + " [data-roles-of] input[value=agency-approver]")
                        .isSelected())
                .isTrue();
        assertThat(browser.find(row + " [data-roles-of] input[value=agency-editor]")
                        .isSelected())
                .isFalse();
        browser.assertAccessible();
        browser.assertReadable();
        browser.click("a[hreflang=en]");
        browser.waitForText("h1", "Users of the branch");
        browser.assertReadable();
        browser.click("a[hreflang=zh-CN]");
        browser.waitForText("h1", "下属单位");

        // 移出本单位: asked first, naming the person and the branch; then they are no longer its member.
        browser.click(row + " button[data-confirm]");
        browser.confirm(clerk + " 移出乌海市公安局海勃湾区分局");
        browser.waitForText(".notice", "已将该用户移出本单位");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(row)))
                .isEmpty();

        // Above or beside the bureau: as if it did not exist.
        browser.open(CONSOLE + "/admin/agencies/wuhai-office/users");
        browser.waitFor("[data-test=problem]");
        browser.signOut(CONSOLE);
    }

    private void delegate(boolean delegated) throws Exception {
        try (var db = connect();
                var flag = db.prepareStatement("update core.agency set branch_users_delegated = ? where slug = ?")) {
            flag.setBoolean(1, delegated);
            flag.setString(2, CITY_PSB);
            assertThat(flag.executeUpdate()).isEqualTo(1);
        }
    }

    private static boolean delegated() throws Exception {
        try (var db = connect();
                var flag = db.prepareStatement("select branch_users_delegated from core.agency where slug = ?")) {
            flag.setString(1, CITY_PSB);
            var row = flag.executeQuery();
            assertThat(row.next()).isTrue();
            return row.getBoolean(1);
        }
    }

    private static java.sql.Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + stack.database, "postgres", "");
    }
}
