package io.adpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in end to end in headless Chromium, through the gateway and the embedded identity provider: a new user
 * (invited through the admin API) must enrol TOTP before seeing the dashboard; password and code reach it; wrong
 * codes lock the account; signing out returns to the sign-in page. Codes are computed with the same TOTP library
 * identity-service uses. Each test uses its own users, so nothing depends on the other browser test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class SignInBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Duration UI_WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "browser-password-" + RUN;

    private static AdpulseStack stack;
    private static Chromium browser;
    private static WebDriver driver;
    /** The operator invited and enrolled by the first test, and its TOTP key. */
    private static String operator;
    private static String operatorSecret;

    @BeforeAll
    static void start(AdpulseStack shared) throws IOException {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        stack = shared;
        browser = Chromium.start("sign-in-" + RUN, Path.of("target").toAbsolutePath().resolve("downloads-" + RUN));
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aNewUserMustEnrolTotpBeforeSeeingTheDashboard() throws Exception {
        operator = "operator-" + RUN;
        acceptInvitation(invite(operator));
        // The password is set, the second factor is not: the provider continues with enrolment, and the dashboard
        // is out of reach.
        WebDriverWait wait = waiting();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol"));
        driver.get(stack.gatewayUrl() + "/");
        wait.until(d -> d.getCurrentUrl().contains("/idp/login"));
        assertThat(driver.findElements(By.id("who"))).isEmpty();

        // In a new browser session the password alone leads to enrolment again, never to the dashboard.
        driver.manage().deleteAllCookies();
        driver.get(stack.gatewayUrl() + "/");
        wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        signInWithPassword(operator);
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol"));
        driver.get(stack.gatewayUrl() + "/");
        // the provider's session holds the password step: straight back to enrolment (or, were it forgotten, the
        // password form), never the dashboard
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol") || !d.findElements(By.id("username")).isEmpty());
        assertThat(driver.findElements(By.id("who"))).as("no dashboard before enrolment").isEmpty();

        if (!driver.getCurrentUrl().contains("/idp/login/enrol")) {
            signInWithPassword(operator);
            wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol"));
        }
        assertThat(driver.findElement(By.cssSelector("img[alt^='QR code']")).getAttribute("src"))
                .startsWith("data:image/png;base64,");
        operatorSecret = driver.findElement(By.id("secret")).getText();
        submitCode(code(operatorSecret, 0));
        wait.until(d -> d.findElements(By.id("who")).size() == 1
                && d.findElement(By.id("who")).getText().startsWith(operator));
    }

    @Test
    @Order(2)
    void signOutReturnsToTheSignInPage() {
        WebDriverWait wait = waiting();
        driver.findElement(By.cssSelector("#logout-form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login") && !d.findElements(By.id("username")).isEmpty());
        driver.get(stack.gatewayUrl() + "/");
        wait.until(d -> d.getCurrentUrl().contains("/idp/login"));
        assertThat(driver.findElements(By.id("who"))).as("signed out of both the gateway and the provider").isEmpty();
    }

    @Test
    @Order(3)
    void passwordAndTotpCodeReachTheDashboard() throws Exception {
        driver.manage().deleteAllCookies();
        driver.get(stack.gatewayUrl() + "/");
        WebDriverWait wait = waiting();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login"));
        signInWithPassword(operator);
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/totp"));
        // The enrolment code's time step is spent; the next one is within the accepted drift.
        submitCode(code(operatorSecret, 1));
        wait.until(d -> d.findElements(By.id("who")).size() == 1
                && d.findElement(By.id("who")).getText().startsWith(operator));
        driver.findElement(By.cssSelector("#logout-form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login"));
    }

    @Test
    @Order(4)
    void fiveWrongCodesLockTheAccount() throws Exception {
        String user = "oncall-" + RUN;
        acceptInvitation(invite(user));
        WebDriverWait wait = waiting();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol"));
        String secret = driver.findElement(By.id("secret")).getText();
        submitCode(code(secret, 0));
        wait.until(d -> d.findElements(By.id("who")).size() == 1);
        driver.manage().deleteAllCookies();

        driver.get(stack.gatewayUrl() + "/");
        wait.until(d -> d.getCurrentUrl().contains("/idp/login"));
        signInWithPassword(user);
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/totp"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            // each refusal is a new page: wait for it, not for the previous refusal's message
            WebElement form = driver.findElement(By.id("code"));
            submitCode("000000");
            wait.until(d -> Chromium.gone(form));
            wait.until(d -> !d.findElements(By.id("message")).isEmpty());
        }
        assertThat(driver.findElement(By.id("message")).getText()).contains("locked for 15 minutes");

        // Even the right password and a fresh code no longer get in.
        driver.get(stack.gatewayUrl() + "/");
        wait.until(d -> d.getCurrentUrl().contains("/idp/login") && !d.findElements(By.id("username")).isEmpty());
        signInWithPassword(user);
        wait.until(d -> !d.findElements(By.id("message")).isEmpty());
        assertThat(driver.findElement(By.id("message")).getText()).contains("Sign-in failed");
        assertThat(driver.getCurrentUrl()).doesNotContain("/idp/login/totp");
        assertThat(users().valueStream().filter(u -> u.get("username").asString().equals(user))
                .findFirst().orElseThrow().get("lockedUntil").isNull()).as("locked until").isFalse();
    }

    /** Waits up to {@code UI_WAIT}; a timeout names the page the browser is on and what it shows. */
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.withMessage(() -> "browser at " + driver.getCurrentUrl() + " showing: "
                + driver.findElement(By.tagName("body")).getText());
        return wait;
    }

    /** The code for the current time step plus {@code offset} (identity-service accepts one step of drift). */
    static String code(String secret, int offset) throws CodeGenerationException {
        return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30 + offset);
    }

    private static void signInWithPassword(String user) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void submitCode(String code) {
        driver.findElement(By.id("code")).clear();
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void acceptInvitation(String link) {
        Invitations.accept(driver, waiting(), link, PASSWORD);
    }

    /** Invites an OPERATOR through the gateway's admin API, as the service account; answers the link. */
    private static String invite(String username) throws IOException, InterruptedException {
        String link = Invitations.invite(stack, username, "OPERATOR");
        assertThat(link).startsWith(stack.gatewayUrl() + "/idp/invite?token=");
        return link;
    }

    private static JsonNode users() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.gatewayUrl() + "/api/identity/users"))
                .header("Authorization", stack.authorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
