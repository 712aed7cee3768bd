package dev.gongkai.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform admin's pages in a real browser: each agency's migration state and migrate-all, then an agency's
 * users from Keycloak, adding one (the temporary password shown once), disabling them. The user is created in the
 * real realm and deleted from it afterwards. And an agency's own admin, who reaches only their agency's users.
 */
class AdminBrowserTest extends ConsoleOnRealStack {

    private final String clerk = "psb-clerk-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterAll
    void deleteTheUsersFromTheRealm() throws Exception {
        deleteFromRealm(clerk);
    }

    private void deleteFromRealm(String username) throws Exception {
        String token = json(post("/realms/gongkai/protocol/openid-connect/token",
                "grant_type=client_credentials&client_id=gongkai-provisioner&client_secret="
                        + System.getenv().getOrDefault("GONGKAI_PROVISIONER_SECRET", "provisioner-secret")),
                "access_token");
        String users = send(HttpRequest.newBuilder(URI.create(ServiceStack.KEYCLOAK
                + "/admin/realms/gongkai/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).build());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(users);
        while (id.find()) {
            send(HttpRequest.newBuilder(URI.create(ServiceStack.KEYCLOAK + "/admin/realms/gongkai/users/" + id.group(1)))
                    .header("Authorization", "Bearer " + token).DELETE().build());
        }
    }

    @Test
    void platformAdminSeesMigrationStateAndManagesAnAgencysUsers() throws Exception {
        browser.signIn(CONSOLE, "admin");
        browser.open(CONSOLE + "/admin/agencies");
        assertThat(browser.find("[data-test=migration-summary]").getText()).contains("个机构中");
        assertThat(browser.find("li[data-agency=wuhai-psb] > span > [data-test=migration]").getText())
                .contains("已是最新", "最近变更集");

        browser.click("#migrations button[type=submit]");
        browser.waitForText("#migrate-all-result", "迁移完成");
        assertThat(browser.find("#migrate-all-result").getText()).contains("失败 0 个");

        browser.click("li[data-agency=wuhai-psb] > span > a[href$='/admin/agencies/wuhai-psb/users']");
        browser.waitForText("h1", "乌海市公安局的用户");
        assertThat(browser.find("#users tr[data-user=psb-editor]").getText()).contains("填报人员", "已启用");

        browser.find("#username").sendKeys(clerk);
        browser.find("#lastName").sendKeys("王");
        browser.find("#firstName").sendKeys("芳");
        browser.click("#role-agency-approver");
        browser.click("#add-user button[type=submit]");

        browser.waitForText("#added", clerk);
        assertThat(browser.find("#temporary-password").getText()).matches("\\S{16}");
        String row = browser.find("#users tr[data-user='" + clerk + "']").getText();
        assertThat(row).contains("王芳", "填报人员", "单位负责人（签发）", "已启用", "修改密码");
        browser.screenshot("admin-users");

        browser.driver.navigate().refresh();
        browser.waitForText("h1", "乌海市公安局的用户");
        assertThat(browser.driver.findElements(By.id("temporary-password")))
                .as("reloading neither adds the user again nor shows the password again").isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#users tr[data-user='" + clerk + "']"))).hasSize(1);

        browser.click("#users tr[data-user='" + clerk + "'] button");
        browser.waitForText(".notice", "已停用该用户");
        assertThat(browser.find("#users tr[data-user='" + clerk + "']").getText()).contains("已停用");
        assertThat(browser.driver.findElements(By.id("temporary-password")))
                .as("the temporary password is shown once").isEmpty();
        browser.signOut(CONSOLE);
    }

    @Test
    void anAgencyAdminReachesTheirOwnUsersFromTheNavigationAndNoOneElses() {
        browser.signIn(CONSOLE, "psb-admin");
        browser.click("nav [data-test=nav-users]");
        browser.waitForText("h1", "乌海市公安局的用户");
        assertThat(browser.find("#users tr[data-user=psb-editor]").getText()).contains("填报人员");
        assertThat(browser.driver.findElements(By.cssSelector("nav a[href$='/admin/agencies']")))
                .as("the agency tree is the platform admin's").isEmpty();

        browser.open(CONSOLE + "/admin/agencies/wuhai-psb-haibowan/users");
        browser.waitForText("[data-test=problem]", "未找到");
        assertThat(browser.driver.getPageSource()).doesNotContain("hbw-editor");
        assertThat(browser.find("[data-test=user-name]").getText()).as("the problem page keeps the shell")
                .isNotBlank();
        assertThat(browser.find("nav [data-test=nav-users]").getAttribute("href")).endsWith("/wuhai-psb/users");
        browser.signOut(CONSOLE);
    }

    private static String post(String path, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ServiceStack.KEYCLOAK + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(request.uri() + " " + answer.body()).isLessThan(300);
        return answer.body();
    }

    private static String json(String body, String field) {
        Matcher value = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertThat(value.find()).as(body).isTrue();
        return value.group(1);
    }
}
