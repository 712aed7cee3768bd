package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console scaled out: a second console (its own Spring context on a port of its own) beside the one on 8080,
 * both on the same Redis, as two replicas behind a load balancer. A user signs in on the first and reads a file for
 * import there; the next request reaches the second, which knows the user (session, tokens), accepts the form
 * (the CSRF token is the session's) and adopts the file read on the first. Browsers send a host's cookies to every
 * port of it, so the one session cookie reaches both.
 */
class TwoConsolesTest extends ConsoleOnRealStack {

    private ConfigurableApplicationContext second;
    private String secondUrl;

    @BeforeAll
    void startTheSecondConsole() {
        second = new SpringApplicationBuilder(ConsoleApplication.class)
                .run(
                        "--server.port=0",
                        "--gongkai.console.tenants-url=" + stack.url(stack.tenantsPort),
                        "--gongkai.console.reports-url=" + stack.url(stack.reportsPort),
                        "--gongkai.console.publishing-url=" + stack.url(stack.publishingPort),
                        "--gongkai.console.keycloak-url=" + ServiceStack.KEYCLOAK,
                        "--gongkai.console.redis-namespace=" + REDIS_NAMESPACE);
        secondUrl = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stopTheSecondConsole() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aUserSignedInOnOneConsoleContinuesOnTheOtherWithTheirPendingImport() {
        browser.signIn(CONSOLE, "psb-editor");
        String name = browser.find("[data-test=user-name]").getText();
        assertThat(name).isNotBlank();

        // A year the other browser tests leave alone; the file is 2021's, so the page asks to confirm.
        Path fixture = Path.of("../services/report-core/src/test/resources/fixtures/wuhai-psb-2021.txt")
                .toAbsolutePath()
                .normalize();
        browser.open(CONSOLE + "/reports/2022/import");
        browser.find("#file").sendKeys(fixture.toString());
        browser.click("main form button[type=submit]");
        browser.waitForText("h1", "wuhai-psb-2021.txt");

        // The same form, sent to the other console.
        browser.script(
                "document.querySelector(\"form[action$='/import/apply']\").action = arguments[0]",
                secondUrl + "/reports/2022/import/apply");
        browser.click("#confirm-mismatch");
        browser.click("form[action$='/import/apply'] button[type=submit]");

        browser.waitForText(".notice", "已导入");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(secondUrl + "/reports/2022");
        assertThat(browser.find("[data-test=user-name]").getText()).isEqualTo(name);
        browser.waitForText("[data-test=agency-name]", "乌海市公安局");

        browser.open(secondUrl + "/reports");
        assertThat(browser.find("#reports tr[data-year='2022']").getText()).contains("草稿");
        // Signing out on the first (Keycloak returns to 8080 only) ends the session on the second too.
        browser.open(CONSOLE + "/reports");
        browser.signOut(CONSOLE);
        browser.driver.get(secondUrl + "/reports");
        assertThat(browser.driver.getCurrentUrl()).doesNotStartWith(secondUrl);
    }
}
