package dev.gongkai.console;

import dev.gongkai.report.testing.Words;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
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

/**
 * Headless Chromium from Debian's packages, driven through Debian's ChromeDriver (nothing is downloaded), with the
 * flags that keep it off the network and a fresh profile.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    private final Path profile;

    Browser() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Chromium and ChromeDriver are needed at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver fonts-wqy-zenhei");
        }
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // A page that warns before unload (the editor with unsaved input) must not stop the test's own navigation.
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1440,1000",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public void open(String url) {
        driver.get(url);
        checkPage();
    }

    /** The public portal's address: its pages, like the console's, are run through axe-core (see checkPage). */
    public String portal;

    /** The kinds of page (path with its numbers as #, and language) already run through axe and the other language. */
    private final java.util.Set<String> checkedKinds = new java.util.HashSet<>();

    /**
     * The checks every page the suite visits goes through, once per document: whatever way the page was reached (an
     * open, a click, a form's redirect), the first helper call that meets a new document checks it. Its visible text
     * is words ({@link #assertReadable}); and the first time a kind of console or portal page is met in a language,
     * axe-core finds nothing serious on it ({@link #assertAccessible}) and, on the console, the same page in the other
     * language is words too ({@link #assertReadableInTheOtherLanguage}). A document still loading or behind a dialog
     * is left to the next call.
     */
    public void checkPage() {
        Object fresh;
        try {
            fresh = script("""
                    if (window.__gongkaiChecked || document.readyState !== 'complete') return false;
                    window.__gongkaiChecked = true;
                    return true;""");
        } catch (RuntimeException e) {
            return;
        }
        if (!Boolean.TRUE.equals(fresh)) {
            return;
        }
        assertReadable();
        String url = driver.getCurrentUrl();
        boolean console = url.startsWith(ConsoleOnRealStack.CONSOLE + "/");
        if (!console && (portal == null || !url.startsWith(portal + "/"))) {
            return;
        }
        String lang = String.valueOf(script("return document.documentElement.lang"));
        String path = java.net.URI.create(url).getPath();
        if (checkedKinds.add((console ? "console" : "portal") + path.replaceAll("\\d+", "#") + " " + lang)) {
            assertAccessible();
            if (console) {
                assertReadableInTheOtherLanguage(url, lang);
            }
        }
    }

    /**
     * The console page at {@code url} as the other language shows it, fetched with this session and the other
     * language's cookie (a GET; a page that only answers a POST is skipped) and laid out in a frame without its
     * scripts beside the page, so that its visible text can be read: it must be words too.
     */
    @SuppressWarnings("unchecked")
    private void assertReadableInTheOtherLanguage(String url, String lang) {
        String other = "en".equals(lang) ? "zh-CN" : "en";
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = fetch(url, "GONGKAI_LANG=" + other);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return;
        }
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            return;
        }
        java.util.Map<String, Object> shown = (java.util.Map<String, Object>)
                driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const frame = document.createElement('iframe');
                frame.setAttribute('sandbox', 'allow-same-origin');
                frame.setAttribute('aria-hidden', 'true');
                frame.style.cssText = 'position:absolute;left:-20000px;top:0;width:1400px;height:1000px;border:0';
                frame.onload = () => {
                  const d = frame.contentDocument;
                  const result = {text: d.body ? d.body.innerText : '', lang: d.documentElement.lang};
                  frame.remove();
                  done(result);
                };
                frame.srcdoc = arguments[0];
                document.body.appendChild(frame);""", new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        String shownLang = String.valueOf(shown.get("lang"));
        if (!other.equals(shownLang)) {
            throw new AssertionError(url + " asked for in " + other + " answers in " + shownLang);
        }
        assertWords(String.valueOf(shown.get("text")), shownLang, url, url + " (" + other + ")");
    }

    /**
     * Fails when the page's visible text shows a code instead of words ({@link Words#CODES}: an untranslated key, a
     * grouped year, an ISO timestamp, a cell key, a rule id, a status or compliance enum, an action verb or a problem
     * code, the same check as the files'); and on the console's pages
     * (not Keycloak's or the portal's), a username instead of a person's name. Run after every page load.
     */
    public void assertReadable() {
        String text;
        String lang;
        try {
            text = driver.findElement(By.tagName("body")).getText();
            lang = driver.findElement(By.tagName("html")).getAttribute("lang");
        } catch (RuntimeException e) {
            return;
        }
        String url = driver.getCurrentUrl();
        assertWords(text, lang, url, url);
    }

    /**
     * The shared check of {@link Words}; on the console's pages (not Keycloak's or the portal's), a username
     * ("office" and "admin" only on a Chinese page) instead of a person's name fails too, except where a username is
     * what the page is about (an agency's users, under /admin/).
     */
    private static void assertWords(String text, String lang, String url, String where) {
        java.util.List<Pattern> usernames = new java.util.ArrayList<>();
        if (url.startsWith(ConsoleOnRealStack.CONSOLE) && !url.contains("/admin/")) {
            usernames.add(Words.USERNAME);
            if ("zh-CN".equals(lang)) {
                usernames.add(Words.USERNAME_ZH);
            }
        }
        Words.assertWords(text, where, usernames);
    }

    public WebElement find(String css) {
        checkPage();
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "No " + css + " on " + driver.getCurrentUrl() + " — the page says:\n" + pageText(), e);
        }
    }

    public String pageText() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.length() > 1500 ? text.substring(0, 1500) + " …" : text;
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    public WebElement visible(String css) {
        checkPage();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void click(String css) {
        checkPage();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public void waitFor(String css) {
        find(css);
    }

    public void waitForText(String css, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
            checkPage();
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "No \"" + text + "\" in " + css + " on " + driver.getCurrentUrl() + " — the page says:\n"
                            + pageText(),
                    e);
        }
    }

    /** The page asks before an irreversible action: the question names what happens; the test agrees. */
    public void confirm(String names) {
        org.openqa.selenium.Alert alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        if (!question.contains(names)) {
            throw new AssertionError("The confirmation \"" + question + "\" does not say \"" + names + "\"");
        }
    }

    /** The page asks before an irreversible action: the question names what happens; the test cancels it. */
    public void dismiss(String names) {
        org.openqa.selenium.Alert alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.dismiss();
        if (!question.contains(names)) {
            throw new AssertionError("The confirmation \"" + question + "\" does not say \"" + names + "\"");
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Keycloak's identity-first login: the username page, then the password page, then for the administrators
     * (platform and office) the one-time code of their second factor, computed here from the demo's OTP secret.
     */
    public void signIn(String consoleUrl, String user) {
        signIn(consoleUrl, user, "demo");
    }

    public void signIn(String consoleUrl, String user, String password) {
        driver.get(consoleUrl + "/");
        // A step that failed before signing out leaves its user signed in: sign them out, so one failure stays one.
        if (!driver.findElements(By.cssSelector("header form[action$='/logout'] button"))
                .isEmpty()) {
            signOut(consoleUrl);
            driver.get(consoleUrl + "/");
        }
        find("#username").sendKeys(user);
        click("#kc-login");
        find("#password").sendKeys(password);
        click("#kc-login");
        wait.until(d -> !d.findElements(By.id("otp")).isEmpty()
                || d.getCurrentUrl().startsWith(consoleUrl)
                        && !d.getCurrentUrl().contains("/login/oauth2"));
        if (!driver.findElements(By.id("otp")).isEmpty()) {
            try {
                find("#otp").sendKeys(Totp.fresh(Totp.DEMO_SECRET));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            click("#kc-login");
        }
        wait.until(d ->
                d.getCurrentUrl().startsWith(consoleUrl) && !d.getCurrentUrl().contains("/login/oauth2"));
        find("main");
    }

    /** A GET of the console as the signed-in user (its session cookie), for files the page links to. */
    public java.net.http.HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return fetch(url, null);
    }

    private java.net.http.HttpResponse<byte[]> fetch(String url, String cookie)
            throws IOException, InterruptedException {
        String session = "GONGKAI_CONSOLE="
                + driver.manage().getCookieNamed("GONGKAI_CONSOLE").getValue() + (cookie == null ? "" : "; " + cookie);
        return java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .header("Cookie", session)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    public void signOut(String consoleUrl) {
        click("header form[action$='/logout'] button");
        wait.until(d -> d.getCurrentUrl().startsWith(consoleUrl + "/signed-out"));
    }

    /** axe-core (the npm package's one file, vendored under src/test/resources/axe with its licence). */
    private static final String AXE;

    static {
        try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            AXE = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new ExceptionInInitializerError("axe-core is missing from the test resources: " + e);
        }
    }

    /** Fails on any serious or critical accessibility violation axe-core finds on the page (WCAG 2.1 A and AA). */
    @SuppressWarnings("unchecked")
    public void assertAccessible() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(AXE);
        }
        List<java.util.Map<String, Object>> violations =
                (List<java.util.Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""");
        if (!violations.isEmpty()) {
            StringBuilder report =
                    new StringBuilder("axe-core: serious or critical violations on " + driver.getCurrentUrl());
            violations.forEach(v -> report.append("\n- ")
                    .append(v.get("impact"))
                    .append(' ')
                    .append(v.get("id"))
                    .append(": ")
                    .append(v.get("help"))
                    .append("\n    ")
                    .append(v.get("nodes")));
            throw new AssertionError(report);
        }
    }

    public void screenshot(String name) throws IOException {
        assertReadable();
        assertAccessible();
        Path dir = Path.of(System.getProperty("gongkai.screenshots", "../docs/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
