package dev.gongkai.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.console.ConsoleOnRealStack;
import dev.gongkai.console.TestRealm;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Someone who belongs to two agencies with different roles — agency admin of 乌海市公安局, clerk of its 海勃湾区分局 —
 * picks the agency to act for in the shell, and each page offers exactly what the role held in that agency allows;
 * the choice stays for the session. The person is made for this test (in the realm and in this run's registry) and
 * removed afterwards: the demo's users are left as they are.
 */
class AgencySwitchBrowserTest extends ConsoleOnRealStack {

    private static final String CITY_PSB = "wuhai-psb";
    private static final String BRANCH = "wuhai-psb-haibowan";

    private final String username =
            "two-agencies-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void aPersonInTwoAgencies() throws Exception {
        String id = TestRealm.createUser(username, "赵", "敏");
        try (var db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/" + stack.database, "postgres", "");
                var grant =
                        db.prepareStatement("insert into core.agency_membership (user_id, username, agency_slug, role)"
                                + " values (?, ?, ?, ?)")) {
            for (String[] membership : new String[][] {{CITY_PSB, "agency-admin"}, {BRANCH, "agency-editor"}}) {
                grant.setString(1, id);
                grant.setString(2, username);
                grant.setString(3, membership[0]);
                grant.setString(4, membership[1]);
                grant.executeUpdate();
            }
        }
    }

    @AfterAll
    void removeThePerson() throws Exception {
        TestRealm.deleteUser(username);
    }

    @Test
    void eachAgencyOffersWhatTheRoleHeldThereAllows() {
        browser.signIn(CONSOLE, username, TestRealm.PASSWORD);
        browser.open(CONSOLE + "/reports");
        assertThat(new Select(browser.find("#acting-agency"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("乌海市公安局");
        assertThat(browser.find("[data-test=user-name]").getText()).contains("赵敏");
        // Admin of the city bureau: its users, but no drafting.
        assertThat(browser.find("nav [data-test=nav-users]").getAttribute("href"))
                .endsWith("/wuhai-psb/users");
        assertThat(browser.driver.findElements(
                        By.cssSelector("main form[action$='/reports'] button, [data-test^=import-]")))
                .as("an agency admin does not draft")
                .isEmpty();
        browser.assertAccessible();
        browser.assertReadable();

        new Select(browser.find("#acting-agency")).selectByVisibleText("乌海市公安局海勃湾区分局");
        browser.click("[data-test=agency-switch] button[type=submit]");
        browser.waitFor("main");
        browser.open(CONSOLE + "/reports");

        // Clerk of the branch: drafting, but no users to manage — here or by address.
        assertThat(new Select(browser.find("#acting-agency"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("乌海市公安局海勃湾区分局");
        assertThat(browser.driver.findElements(
                        By.cssSelector("main form[action$='/reports'] button, [data-test^=import-]")))
                .as("a clerk may start or import the year's report")
                .isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("nav [data-test=nav-users]")))
                .isEmpty();
        browser.open(CONSOLE + "/admin/agencies/" + BRANCH + "/users");
        browser.waitForText("[data-test=problem]", "只有平台管理员和本机构管理员可以管理机构用户");

        // The choice is the session's: another page, and a reload, still act for the branch.
        browser.open(CONSOLE + "/reports");
        browser.driver.navigate().refresh();
        assertThat(new Select(browser.find("#acting-agency"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("乌海市公安局海勃湾区分局");
        browser.signOut(CONSOLE);
    }
}
