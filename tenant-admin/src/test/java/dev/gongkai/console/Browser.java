package dev.gongkai.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Headless Chromium from Debian's packages, driven through Debian's ChromeDriver (nothing is downloaded), with the
 * flags that keep it off the network and a fresh profile.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    Browser() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Chromium and ChromeDriver are needed at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver fonts-wqy-zenhei");
        }
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No " + css + " on " + driver.getCurrentUrl() + " — the page says:\n"
                    + pageText(), e);
        }
    }

    String pageText() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.length() > 1500 ? text.substring(0, 1500) + " …" : text;
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void waitFor(String css) {
        find(css);
    }

    void waitForText(String css, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No \"" + text + "\" in " + css + " on " + driver.getCurrentUrl()
                    + " — the page says:\n" + pageText(), e);
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Keycloak's identity-first login: the username page, then the password page, then for the administrators
     * (platform and office) the one-time code of their second factor, computed here from the demo's OTP secret.
     */
    void signIn(String consoleUrl, String user) {
        open(consoleUrl + "/");
        find("#username").sendKeys(user);
        click("#kc-login");
        find("#password").sendKeys("demo");
        click("#kc-login");
        wait.until(d -> !d.findElements(By.id("otp")).isEmpty()
                || d.getCurrentUrl().startsWith(consoleUrl) && !d.getCurrentUrl().contains("/login/oauth2"));
        if (!driver.findElements(By.id("otp")).isEmpty()) {
            try {
                find("#otp").sendKeys(Totp.fresh(Totp.DEMO_SECRET));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            click("#kc-login");
        }
        wait.until(d -> d.getCurrentUrl().startsWith(consoleUrl) && !d.getCurrentUrl().contains("/login/oauth2"));
        find("main");
    }

    void signOut(String consoleUrl) {
        click("header form[action$='/logout'] button");
        wait.until(d -> d.getCurrentUrl().startsWith(consoleUrl + "/signed-out"));
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("gongkai.screenshots", "../docs/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
