package io.adpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit panel as an AUDITOR sees it, in Debian's headless Chromium against the shared stack: an auditor invited
 * through the admin API enrols TOTP, sees the audit log and verifies the chain from the UI (the result agrees with
 * the API), sees none of the admin tools, and is refused by the gateway when it calls the admin endpoints from the
 * browser session itself (connect, sync, user management, data export). Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(SharedStack.class)
class AuditorBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Duration UI_WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "auditor-password-" + RUN;

    private static AdpulseStack stack;
    private static Chromium browser;
    private static WebDriver driver;

    @BeforeAll
    static void start(AdpulseStack shared) throws IOException {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        stack = shared;
        Files.createDirectories(SCREENSHOTS);
        browser = Chromium.start("auditor-" + RUN, Path.of("target").toAbsolutePath().resolve("downloads-" + RUN));
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAuditorVerifiesTheChainFromTheAuditPanelAndCannotReachAdminActions() throws Exception {
        String auditor = "auditor-" + RUN;
        acceptInvitation(invite(auditor));
        WebDriverWait wait = waiting();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol"));
        String secret = driver.findElement(By.id("secret")).getText();
        driver.findElement(By.id("code")).sendKeys(SignInBrowserTest.code(secret, 0));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("who")).size() == 1
                && d.findElement(By.id("who")).getText().startsWith(auditor + " · auditor"));

        // The audit panel, with entries (at least the auditor's own requests through the gateway).
        WebElement panel = driver.findElement(By.id("audit-section"));
        wait.until(d -> panel.isDisplayed()
                && !driver.findElements(By.cssSelector("#audit-table tbody tr")).isEmpty());
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", panel);
        screenshot("auditor-01-audit-panel");

        driver.findElement(By.id("audit-verify")).click();
        WebElement result = driver.findElement(By.id("audit-verification"));
        wait.until(d -> result.isDisplayed() && result.getText().startsWith("Chain "));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", result);
        screenshot("auditor-02-verified");
        assertThat(result.getText()).startsWith("Chain intact: ");
        assertThat(result.getAttribute("class")).contains("ok");
        long shownHead = Long.parseLong(result.getText().replaceAll("(?s).*up to entry #(\\d+) .*", "$1"));
        JsonNode verification = api("/api/audit/verify");
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("headSequence").asLong()).as("the API verifies at least as far as the UI did")
                .isGreaterThanOrEqualTo(shownHead);

        // No admin tool is shown.
        assertThat(driver.findElement(By.id("connect")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("connect-creator")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#connections .actions button, #connections .actions a")))
                .as("sync, reconnect and disconnect buttons").allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());

        // And the gateway refuses the admin endpoints to this very session.
        for (String path : List.of("/api/auth/connections/tiktok-business/start", "/api/identity/users",
                "/api/auth/admin/keys", "/api/privacy/exports/any-connection?accountId=1")) {
            assertThat(fetch("GET", path)).as("GET " + path).containsEntry("status", 403L);
        }
        assertThat(fetch("POST", "/api/ingest/connections/any-connection/sync")).as("POST sync")
                .containsEntry("status", 403L);
        assertThat(fetch("GET", "/api/audit/head")).as("what an auditor may read").containsEntry("status", 200L);
    }

    /** Calls the gateway from the page, with the browser's session cookie (and CSRF token for a POST). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(String method, String path) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const xsrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
                const headers = { 'Accept': 'application/json' };
                if (xsrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(xsrf.substring('XSRF-TOKEN='.length));
                fetch(arguments[1], { method: arguments[0], headers, credentials: 'same-origin', redirect: 'manual' })
                  .then((r) => done({ status: r.status }))
                  .catch((e) => done({ status: -1, error: String(e) }));
                """, method, path);
        return (Map<String, Object>) answer;
    }

    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.withMessage(() -> "browser at " + driver.getCurrentUrl() + " showing: "
                + driver.findElement(By.tagName("body")).getText());
        return wait;
    }

    private static void acceptInvitation(String link) {
        Invitations.accept(driver, waiting(), link, PASSWORD);
    }

    /** Invites an AUDITOR through the gateway's admin API, as the service account; answers the link. */
    private static String invite(String username) throws IOException, InterruptedException {
        return Invitations.invite(stack, username, "AUDITOR");
    }

    private static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", stack.authorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
