package io.adpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes to TikTok from the UI, in headless Chromium against the shared stack: an invited operator posts a video by
 * URL to a sandbox creator account on the publish page (the creator's name and avatar from creator info, a privacy
 * level to choose with no default and the consent to tick before the post button enables) and sees it reach
 * PUBLISH_COMPLETE; changes a campaign's budget in the campaign management panel (preview, then send) and sees the new
 * budget; creates an ad group there; authorizes a creator's post for Spark Ads with the code the creator made and runs
 * it as an ad in that ad group. An ONCALL user sees the publish page read-only and the gateway refuses their post.
 * Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class OperatorWritesBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Duration UI_WAIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String PASSWORD = "operator-password-" + RUN;

    private static AdpulseStack stack;
    private static Chromium browser;
    private static WebDriver driver;
    /** The sandbox creator the operator posts for (the last one: the stack test deauthorises the first). */
    private static String openId;
    private static String advertiserId;
    private static String advertiserConnection;
    /** The ad group the operator creates in the panel, for the Spark ad. */
    private static String adGroupId;

    @BeforeAll
    static void start(AdpulseStack shared) throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        stack = shared;
        Files.createDirectories(SCREENSHOTS);
        SandboxConnector connector = new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization());
        connector.connect();
        JsonNode creators = sandbox("GET", "/sandbox/creators", null);
        openId = creators.get(creators.size() - 1).get("open_id").asString();
        connector.connectCreator(openId);
        advertiserId = sandbox("GET", "/sandbox/advertisers", null).get(0).get("advertiser_id").asString();
        advertiserConnection = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode c : api("GET", "/api/ingest/connections", null, null).body()) {
                if (c.get("advertiserId").asString().equals(advertiserId)
                        && c.get("status").asString().equals("ACTIVE")) {
                    return c.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);
        browser = Chromium.start("operator-" + RUN, Path.of("target").toAbsolutePath().resolve("downloads-" + RUN));
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
    void anOperatorPostsAVideoByUrlAfterChoosingThePrivacyAndConsentingAndSeesItPublished() throws Exception {
        String operator = "operator-" + RUN;
        signIn(operator, "OPERATOR");
        String creatorConnection = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode c : api("GET", "/api/auth/connections", null, null).body()) {
                if ("CREATOR".equals(c.get("kind").asString()) && c.get("advertiserId").asString().equals(openId)
                        && "ACTIVE".equals(c.get("status").asString())) {
                    return c.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);

        driver.get(stack.gatewayUrl() + "/publish.html");
        WebDriverWait wait = waiting();
        wait.until(d -> d.findElements(By.cssSelector("#creator option[value='" + creatorConnection + "']")).size() == 1);
        new Select(driver.findElement(By.id("creator"))).selectByValue(creatorConnection);
        wait.until(d -> d.findElement(By.id("creator-card")).isDisplayed()
                && !d.findElement(By.id("creator-nickname")).getText().isBlank());
        assertThat(driver.findElement(By.id("creator-nickname")).getText()).isEqualTo("Glow With Mai");
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('creator-avatar'); return i.complete && i.naturalWidth > 0;"));
        WebElement post = driver.findElement(By.id("post"));
        assertThat(post.isEnabled()).as("post button before anything is chosen").isFalse();

        driver.findElement(By.cssSelector("input[name=source][value=PULL_FROM_URL]")).click();
        driver.findElement(By.id("video-url")).sendKeys(stack.sandboxUrl()
                + "/sandbox/media/sample.mp4?duration_sec=12&size=8192");
        driver.findElement(By.id("title")).sendKeys("Browser post " + RUN);
        Select privacy = new Select(driver.findElement(By.id("privacy")));
        assertThat(privacy.getFirstSelectedOption().getAttribute("value")).as("no default privacy level").isEmpty();
        assertThat(post.isEnabled()).as("post button without a privacy level").isFalse();
        String level = privacy.getOptions().get(1).getAttribute("value");
        privacy.selectByValue(level);
        assertThat(post.isEnabled()).as("post button without the consent").isFalse();
        driver.findElement(By.id("consent")).click();
        wait.until(d -> d.findElement(By.id("post")).isEnabled());
        screenshot("operator-01-publish-form");

        post.click();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreException(StaleElementReferenceException.class)
                .until(() -> driver.findElement(By.id("post-status")).getText(), text -> text.equals("Published on TikTok.")
                        || text.startsWith("Failed") || text.startsWith("Not posted"));
        screenshot("operator-02-published");
        assertThat(driver.findElement(By.id("post-status")).getText()).isEqualTo("Published on TikTok.");
        JsonNode publishes = sandbox("GET", "/sandbox/publishes", null).get("publishes");
        assertThat(publishes.valueStream().filter(p -> p.get("open_id").asString().equals(openId)
                && ("Browser post " + RUN).equals(p.path("title").asString()))).singleElement()
                .satisfies(p -> {
                    assertThat(p.get("status").asString()).isEqualTo("PUBLISH_COMPLETE");
                    assertThat(p.get("privacy_level").asString()).isEqualTo(level);
                });
    }

    @Test
    @Order(2)
    void theOperatorChangesACampaignsBudgetInThePanelAfterAPreviewAndSeesTheNewBudget() throws Exception {
        String campaignId = createCampaign("UI budget " + RUN, "100");
        openPanel();
        chooseAction("budget");
        type("command-campaign", campaignId);
        type("command-budget", "175.50");

        preview();
        assertThat(text("command-request")).contains("/campaign/update/").contains("\"budget\": 175.5");
        assertThat(driver.findElement(By.id("command-send")).isEnabled()).isTrue();
        sendAndAwait("Done");
        screenshot("operator-03-budget-changed");
        List<String> budget = change("budget");
        assertThat(new BigDecimal(budget.get(0))).isEqualByComparingTo("100");
        assertThat(new BigDecimal(budget.get(1))).isEqualByComparingTo("175.50");
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                api("GET", "/api/ingest/commands?connectionId=" + advertiserConnection + "&limit=20", null, null).body()
                        .valueStream().filter(v -> v.get("kind").asString().equals("campaign.update")
                                && v.get("parameters").get("campaignId").asString().equals(campaignId)
                                && !v.get("dryRun").asBoolean()))
                .singleElement().satisfies(v -> assertThat(new BigDecimal(
                        v.get("result").get("after").get("budget").asString())).isEqualByComparingTo("175.50")));
    }

    @Test
    @Order(3)
    void theOperatorCreatesAnAdGroupAndRunsAnAuthorizedCreatorsPostAsASparkAdInIt() throws Exception {
        String campaignId = createCampaign("UI Spark " + RUN, "120");
        openPanel();
        chooseAction("adgroup-create");
        type("command-campaign", campaignId);
        type("command-name", "Fans " + RUN);
        type("command-budget", "40");
        new Select(driver.findElement(By.id("command-goal"))).selectByVisibleText("VIDEO_VIEW");
        preview();
        assertThat(text("command-request")).contains("/adgroup/create/").contains("\"campaign_id\": \"" + campaignId);
        sendAndAwait("Done");
        adGroupId = change("id").get(1);
        assertThat(adGroupId).matches("\\d+");
        screenshot("operator-04-adgroup-created");

        JsonNode code = sandbox("POST", "/sandbox/spark-codes", "{\"open_id\":\"" + openId + "\",\"days\":30}");
        String authCode = code.get("auth_code").asString();
        chooseAction("spark-authorize");
        type("command-auth-code", authCode);
        preview();
        assertThat(text("command-request")).contains("/tt_video/authorize/")
                .contains("••••" + authCode.substring(authCode.length() - 4)).doesNotContain(authCode);
        sendAndAwait("Done");
        assertThat(change("itemId").get(1)).isEqualTo(code.get("item_id").asString());
        assertThat(change("creator").get(1)).isEqualTo("Glow With Mai");
        assertThat(change("authStatus").get(1)).isEqualTo("AUTHORIZED");
        screenshot("operator-05-post-authorized");

        driver.findElement(By.id("command-spark-ad")).click();
        waiting().until(d -> d.findElement(By.id("command-item")).isDisplayed());
        assertThat(driver.findElement(By.id("command-item")).getAttribute("value"))
                .isEqualTo(code.get("item_id").asString());
        type("command-adgroup", adGroupId);
        type("command-name", "Spark " + RUN);
        preview();
        assertThat(text("command-request")).contains("/ad/create/").contains("\"identity_type\": \"AUTH_CODE\"")
                .contains("\"tiktok_item_id\": \"" + code.get("item_id").asString() + "\"");
        sendAndAwait("Done");
        assertThat(change("level").get(1)).isEqualTo("AD");
        assertThat(change("parentId").get(1)).isEqualTo(adGroupId);
        screenshot("operator-06-spark-ad");
        assertThat(sandbox("GET", "/sandbox/spark-authorizations?advertiser_id=" + advertiserId, null)
                .get("authorizations").valueStream().map(a -> a.get("item_id").asString()))
                .contains(code.get("item_id").asString());
    }

    @Test
    @Order(4)
    void anOncallUserSeesThePublishPageReadOnlyAndCannotPost() throws Exception {
        String oncall = "oncall-" + RUN;
        signIn(oncall, "ONCALL");
        driver.get(stack.gatewayUrl() + "/publish.html");
        WebDriverWait wait = waiting();
        wait.until(d -> d.findElement(By.id("who")).getText().startsWith(oncall));
        wait.until(d -> d.findElement(By.id("read-only")).isDisplayed());
        assertThat(driver.findElement(By.id("publish")).isDisplayed()).isFalse();
        screenshot("operator-07-oncall-read-only");

        Map<String, Object> refused = fetchPost("/api/commands", "{\"kind\":\"video.publish\",\"connectionId\":\"c\","
                + "\"advertiserId\":\"" + openId + "\",\"parameters\":{\"videoUrl\":\"https://example.org/v.mp4\","
                + "\"privacyLevel\":\"SELF_ONLY\"}}");
        assertThat(refused).containsEntry("status", 403L);
        driver.get(stack.gatewayUrl() + "/");
        wait.until(d -> d.findElement(By.id("who")).getText().startsWith(oncall));
        assertThat(driver.findElement(By.id("commands-section")).isDisplayed()).as("campaign management panel")
                .isFalse();
    }

    // ---------- the browser ----------

    /** Invites the user with the role, accepts the invitation in the browser and enrols TOTP; ends on the dashboard. */
    private static void signIn(String username, String role) throws Exception {
        Invitations.accept(driver, waiting(), Invitations.invite(stack, username, role), PASSWORD);
        WebDriverWait wait = waiting();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol"));
        String secret = driver.findElement(By.id("secret")).getText();
        driver.findElement(By.id("code")).sendKeys(SignInBrowserTest.code(secret, 0));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("who")).size() == 1
                && d.findElement(By.id("who")).getText().startsWith(username + " · " + role.toLowerCase()));
    }

    /** The dashboard with the campaign management panel, the advertiser's connection chosen. */
    private static void openPanel() {
        if (!driver.getCurrentUrl().equals(stack.gatewayUrl() + "/")) {
            driver.get(stack.gatewayUrl() + "/");
        }
        WebDriverWait wait = waiting();
        wait.until(d -> d.findElement(By.id("commands-section")).isDisplayed() && !d.findElements(
                By.cssSelector("#command-connection option[value='" + advertiserConnection + "']")).isEmpty());
        new Select(driver.findElement(By.id("command-connection"))).selectByValue(advertiserConnection);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("commands-section")));
    }

    private static void chooseAction(String action) {
        new Select(driver.findElement(By.id("command-kind"))).selectByValue(action);
    }

    private static void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Previews the form's command and waits for the dry run's request to show. */
    private static void preview() {
        String before = text("command-request");
        driver.findElement(By.id("command-preview")).click();
        waiting().until(d -> d.findElement(By.id("command-summary")).getText().startsWith("This request would be sent")
                && !d.findElement(By.id("command-request")).getText().equals(before)
                && d.findElement(By.id("command-send")).isEnabled());
    }

    /** Sends the previewed command and waits for its outcome, which must start with {@code outcome}. */
    private static void sendAndAwait(String outcome) {
        driver.findElement(By.id("command-send")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> !d.findElement(By.id("command-summary")).getText().startsWith("This request would be sent"));
        assertThat(text("command-summary")).startsWith(outcome);
    }

    /** The before and after of one field in the outcome's change list ("—" where absent). */
    private static List<String> change(String field) {
        List<WebElement> cells = driver.findElements(By.cssSelector("#command-change > *"));
        for (int i = 0; i + 2 < cells.size(); i++) {
            if (cells.get(i).getTagName().equals("dt") && cells.get(i).getText().equals(field)) {
                return List.of(cells.get(i + 1).getText(), cells.get(i + 2).getText());
            }
        }
        throw new AssertionError("no " + field + " in the change list: " + text("command-change"));
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "browser at " + driver.getCurrentUrl() + " showing: "
                + driver.findElement(By.tagName("body")).getText());
        return wait;
    }

    /** POSTs JSON to the gateway from the page, with the browser's session cookie and CSRF token. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetchPost(String path, String body) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const xsrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
                const headers = { 'Accept': 'application/json', 'Content-Type': 'application/json',
                  'Idempotency-Key': 'browser-' + crypto.randomUUID() };
                if (xsrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(xsrf.substring('XSRF-TOKEN='.length));
                fetch(arguments[0], { method: 'POST', headers, body: arguments[1], credentials: 'same-origin',
                    redirect: 'manual' })
                  .then((r) => done({ status: r.status }))
                  .catch((e) => done({ status: -1, error: String(e) }));
                """, path, body);
        return (Map<String, Object>) answer;
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    // ---------- the API ----------

    /** Creates an enabled campaign with a daily budget through the gateway's command API (as the service account). */
    private static String createCampaign(String name, String budget) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "campaign.create");
        body.put("connectionId", advertiserConnection);
        body.put("advertiserId", advertiserId);
        body.put("parameters", Map.of("campaignName", name, "objectiveType", "TRAFFIC", "budgetMode", "BUDGET_MODE_DAY",
                "budget", budget));
        Answer accepted = api("POST", "/api/commands", JSON.writeValueAsString(body), "browser-" + UUID.randomUUID());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String location = accepted.body().get("location").asString();
        JsonNode result = await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Answer view = api("GET", location, null, null);
            return view.status() == 200 && !view.body().get("result").isNull() ? view.body().get("result") : null;
        }, r -> r != null);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("SUCCEEDED");
        return result.get("entityId").asString();
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer api(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Accept", "application/json").header("Authorization", stack.authorization())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body().isBlank() ? JSON.readTree("{}")
                : JSON.readTree(response.body()));
    }

    private static JsonNode sandbox(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.sandboxUrl() + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}
