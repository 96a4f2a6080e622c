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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The dashboard as an operator uses it, in Debian's headless Chromium against the shared stack: sign in through
 * the identity provider (password and TOTP), read an advertiser's overview, drill from a campaign to its ad groups and ads, download a CSV, read
 * the budget pacing, switch to a brand and generate its client's weekly report. Every figure checked is compared
 * with what the gateway's API answers for the same range. A screenshot of each step is saved under
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Duration UI_WAIT = Duration.ofSeconds(30);

    private static AdpulseStack stack;
    private static Chromium browser;
    private static WebDriver driver;
    private static Path downloads;
    /** The sandbox advertiser the dashboard is read for. */
    private static String advertiserId;
    private static String timeZone;
    /** A sandbox advertiser reporting in another currency than the first. */
    private static String otherCurrencyAdvertiserId;
    /** The client the browser test creates, with one brand of the first advertiser. */
    private static String clientId;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        downloads = Path.of("target").toAbsolutePath().resolve("browser-downloads-" + RUN);
        Files.createDirectories(SCREENSHOTS);
        browser = Chromium.start(RUN, downloads);
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Takes the shared stack and makes sure an advertiser has data, whatever ran before: connects the sandbox's
     * advertisers when none is connected (connecting again only re-authorises them), then waits for a full week.
     */
    @BeforeEach
    void useSharedStack(AdpulseStack shared) throws Exception {
        if (stack != null) {
            return;
        }
        stack = shared;
        JsonNode connections = apiJson("/api/auth/connections");
        boolean connected = connections.valueStream().anyMatch(c -> !"CREATOR".equals(c.get("kind").asString())
                && "ACTIVE".equals(c.get("status").asString()));
        if (!connected) {
            new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization()).connect();
        }
        JsonNode seeded = json(URI.create(stack.sandboxUrl() + "/sandbox/advertisers"), null);
        advertiserId = seeded.get(0).get("advertiser_id").asString();
        timeZone = seeded.get(0).get("display_timezone").asString();
        otherCurrencyAdvertiserId = seeded.valueStream()
                .filter(a -> !a.get("currency").asString().equals(seeded.get(0).get("currency").asString()))
                .map(a -> a.get("advertiser_id").asString()).findFirst().orElseThrow();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode advertisers = apiJson("/api/reporting/advertisers").get("advertisers");
            assertThat(advertisers.valueStream().map(a -> a.get("advertiserId").asString())).contains(advertiserId);
            LocalDate to = LocalDate.now(ZoneId.of(timeZone)).minusDays(1);
            JsonNode week = apiJson("/api/reporting/overview?advertiserId=" + advertiserId + "&from=" + to.minusDays(6)
                    + "&to=" + to).get("current");
            assertThat(week.get("daysReported").asInt()).as("days of the last week read").isEqualTo(7);
        });
    }

    /** The seeded administrator signs in through the identity provider and, the first time, enrols TOTP. */
    @Test
    @Order(1)
    void signsInThroughTheForm() throws Exception {
        driver.get(stack.gatewayUrl() + "/");
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.until(d -> d.getCurrentUrl().contains("/idp/login"));
        screenshot("01-sign-in");

        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(SharedStack.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/idp/login/enrol"));
        String secret = driver.findElement(By.id("secret")).getText();
        driver.findElement(By.id("code")).sendKeys(SignInBrowserTest.code(secret, 0));
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(d -> d.findElement(By.id("who")).getText().startsWith("admin"));
        assertThat(driver.findElement(By.id("who")).getText()).contains("admin");
        assertThat(driver.findElement(By.id("report-generate")).isDisplayed()).as("admins may generate reports")
                .isTrue();
        screenshot("02-dashboard");
    }

    @Test
    @Order(2)
    void overviewShowsTheFiguresTheApiReportsForTheSameRange() throws Exception {
        new Select(driver.findElement(By.id("scope"))).selectByValue("advertiser:" + advertiserId);
        new Select(driver.findElement(By.id("preset"))).selectByValue("7");

        assertOverviewEqualsApi("advertiserId=" + advertiserId);
        assertThat(driver.findElement(By.id("overview-meta")).getText()).contains(timeZone);
        assertThat(driver.findElement(By.id("zone")).getText()).contains(timeZone);
        screenshot("03-overview");
    }

    @Test
    @Order(3)
    void drillsFromACampaignToItsAdGroupsAndAds() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        awaitIdle("top");
        WebElement campaign = driver.findElement(By.cssSelector("#top-table .drill-open"));
        String campaignId = campaign.getDomAttribute("data-entity");
        scrollTo(campaign);
        campaign.click();

        wait.until(d -> d.findElement(By.id("drill")).isDisplayed());
        awaitIdle("drill");
        JsonNode adGroups = apiJson("/api/reporting/top?" + range() + "&advertiserId=" + advertiserId
                + "&level=adgroup&parentId=" + campaignId + "&metric=spend&limit=1000").get("rows");
        assertThat(names("#drill-table tbody tr td.name")).isEqualTo(entityNames(adGroups));
        assertThat(adGroups.size()).as("ad groups of campaign %s with data", campaignId).isPositive();
        scrollTo(driver.findElement(By.id("drill")));
        screenshot("04-campaign-ad-groups");

        WebElement adGroup = driver.findElement(By.cssSelector("#drill-table .drill-open"));
        String adGroupId = adGroup.getDomAttribute("data-entity");
        adGroup.click();
        wait.until(d -> d.findElement(By.id("drill-path")).getText().contains("Ad group"));
        awaitIdle("drill");
        JsonNode ads = apiJson("/api/reporting/top?" + range() + "&advertiserId=" + advertiserId
                + "&level=ad&parentId=" + adGroupId + "&metric=spend&limit=1000").get("rows");
        assertThat(driver.findElement(By.id("drill-level")).getText()).isEqualToIgnoringCase("Ad");
        assertThat(names("#drill-table tbody tr td.name")).isEqualTo(entityNames(ads));
        scrollTo(driver.findElement(By.id("drill")));
        screenshot("05-ad-group-ads");
    }

    @Test
    @Order(4)
    void downloadsTheCampaignsByDayAsCsv() throws Exception {
        awaitIdle("daily-section");
        WebElement csv = driver.findElement(By.id("daily-csv"));
        scrollTo(csv);
        Set<Path> before = downloaded();
        csv.click();

        Path file = awaitDownload(before);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("advertiserId,timeZone,currency,date,campaignId,campaignName");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.get(1)).startsWith(advertiserId + "," + timeZone + ",");
        screenshot("06-campaigns-by-day-csv");
    }

    @Test
    @Order(5)
    void pacingPanelShowsEveryBudgetWithItsStatusAndTimeZone() throws Exception {
        WebElement panel = driver.findElement(By.id("pacing"));
        scrollTo(panel);
        JsonNode rows = apiJson("/api/reporting/pacing?advertiserId=" + advertiserId).get("rows");
        assertThat(rows.size()).as("budgets of %s", advertiserId).isPositive();
        await().atMost(UI_WAIT).untilAsserted(() -> {
            List<WebElement> items = driver.findElements(By.cssSelector("#pacing-list li.pace"));
            assertThat(items).hasSize(rows.size());
            assertThat(items.stream().map(i -> i.getDomAttribute("data-status")).sorted().toList())
                    .isEqualTo(rows.valueStream().map(r -> r.get("status").asString()).sorted().toList());
            assertThat(items).allSatisfy(i -> assertThat(i.getText()).contains(timeZone).contains("spent")
                    .contains("expected by now").contains("projected"));
        });
        screenshot("07-pacing");
    }

    @Test
    @Order(6)
    void aBrandSumsItsAdvertiserAndItsClientsWeeklyReportIsGeneratedFromThePanel() throws Exception {
        String clientName = "Browser client " + RUN;
        clientId = apiPost("/api/reporting/clients", Map.of("name", clientName)).get("clientId").asString();
        String brandId = apiPost("/api/reporting/brands", Map.of("clientId", clientId, "name", "Browser brand " + RUN))
                .get("brandId").asString();
        apiPut("/api/reporting/brands/" + brandId + "/advertisers/" + advertiserId);

        driver.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.until(d -> d.findElements(By.cssSelector("#scope option[value='brand:" + brandId + "']")).size() == 1);
        new Select(driver.findElement(By.id("scope"))).selectByValue("brand:" + brandId);
        assertOverviewEqualsApi("brand=" + brandId);
        assertThat(driver.findElement(By.id("zone")).getText()).contains("brand Browser brand " + RUN);
        scrollTo(driver.findElement(By.id("overview")));
        screenshot("08-brand-overview");

        WebElement reports = driver.findElement(By.id("reports-section"));
        scrollTo(reports);
        assertThat(new Select(driver.findElement(By.id("report-client"))).getFirstSelectedOption().getText())
                .isEqualTo(clientName);
        awaitIdle("reports-section");
        // the weekly schedule may report on the new client and brand before or even while generate-now runs: its
        // reports (scheduled, by "schedule") are not the click's
        Set<String> earlier = new HashSet<>();
        apiJson("/api/reporting/reports?brandId=" + brandId).get("reports")
                .forEach(r -> earlier.add(r.get("reportId").asString()));
        driver.findElement(By.id("report-generate")).click();

        List<JsonNode> generated = new ArrayList<>();
        await().atMost(UI_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            generated.clear();
            apiJson("/api/reporting/reports?brandId=" + brandId).get("reports").forEach(r -> {
                if (!earlier.contains(r.get("reportId").asString()) && !r.get("scheduled").asBoolean()) {
                    generated.add(r);
                }
            });
            return !generated.isEmpty();
        });
        assertThat(generated).as("one report per click").hasSize(1);
        assertThat(generated.get(0).get("requestedBy").asString()).isEqualTo("admin");
        String reportId = generated.get(0).get("reportId").asString();
        WebElement row = wait.until(d -> d.findElement(
                By.cssSelector("#reports tbody tr[data-report='" + reportId + "']")));
        assertThat(row.getText()).contains(clientName).contains("Browser brand " + RUN).contains("admin");
        Map<String, String> links = row.findElements(By.cssSelector("a.download")).stream()
                .collect(Collectors.toMap(WebElement::getText, a -> a.getDomAttribute("href")));
        assertThat(links).containsEntry("HTML", "/api/reporting/reports/" + reportId + ".html")
                .containsEntry("CSV", "/api/reporting/reports/" + reportId + ".csv");
        screenshot("09-weekly-reports");

        Set<Path> before = downloaded();
        row.findElement(By.xpath(".//a[text()='CSV']")).click();
        Path file = awaitDownload(before);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0)).startsWith("section,clientId,clientName");
    }

    @Test
    @Order(7)
    void aClientWhoseAdvertisersReportInTwoCurrenciesIsShownPerCurrency() throws Exception {
        String brandId = apiPost("/api/reporting/brands", Map.of("clientId", clientId, "name", "Browser brand two " + RUN))
                .get("brandId").asString();
        apiPut("/api/reporting/brands/" + brandId + "/advertisers/" + otherCurrencyAdvertiserId);
        // the other advertiser's history may still be on its way: the client's sum is refused once both have rows
        String overviewOfClient = stack.gatewayUrl() + "/api/reporting/overview?client=" + clientId + "&" + range();
        HttpResponse<String> refused = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(
                () -> HTTP.send(HttpRequest.newBuilder(URI.create(overviewOfClient)).header("Authorization", authorization())
                        .GET().build(), HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() != 200);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

        driver.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.until(d -> d.findElements(By.cssSelector("#scope option[value='client:" + clientId + "']")).size() == 1);
        new Select(driver.findElement(By.id("scope"))).selectByValue("client:" + clientId);
        awaitIdle("overview");

        JsonNode rollup = apiJson("/api/reporting/rollups?by=client&client=" + clientId + "&" + range());
        assertThat(rollup.get("amounts").asString()).isEqualTo("PER_CURRENCY");
        Map<String, BigDecimal> expected = rollup.get("rows").valueStream().collect(Collectors.toMap(
                r -> r.get("currency").asString(), r -> new BigDecimal(r.get("metrics").get("spend").asString())));
        assertThat(expected).hasSize(2);
        Map<String, BigDecimal> shown = driver.findElements(By.cssSelector("#rollup tbody tr")).stream()
                .collect(Collectors.toMap(tr -> tr.getDomAttribute("data-currency"), tr -> new BigDecimal(
                        tr.findElement(By.cssSelector("td[data-value]")).getDomAttribute("data-value"))));
        assertThat(shown.keySet()).isEqualTo(expected.keySet());
        expected.forEach((currency, spend) -> assertThat(shown.get(currency)).as(currency).isEqualByComparingTo(spend));
        assertThat(driver.findElement(By.id("zone")).getText()).contains("never added up");
        awaitIdle("trend");
        assertThat(driver.findElement(By.id("trend-note")).getText()).contains("needs one currency");
        scrollTo(driver.findElement(By.id("overview")));
        screenshot("10-client-per-currency");
    }

    @Test
    @Order(8)
    void aConnectedCreatorsOrganicVideosAreListedAsTheApiReportsThem() throws Exception {
        // the last seeded creator: the stack test connects (and later deauthorises) the first one
        JsonNode creators = json(URI.create(stack.sandboxUrl() + "/sandbox/creators"), null);
        String openId = creators.get(creators.size() - 1).get("open_id").asString();
        new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization()).connectCreator(openId);
        String videosPath = "/api/reporting/organic/videos?openId=" + openId;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> apiJson(videosPath).get("videos").size() > 0);

        driver.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.until(d -> d.findElements(By.cssSelector("#organic-creator option[value='" + openId + "']")).size() == 1);
        new Select(driver.findElement(By.id("organic-creator"))).selectByValue(openId);
        awaitIdle("organic");
        Set<String> expected = new HashSet<>();
        apiJson(videosPath).get("videos").forEach(v -> expected.add(v.get("videoId").asString()));
        Set<String> shown = driver.findElements(By.cssSelector("#organic-videos tbody tr")).stream()
                .map(tr -> tr.getDomAttribute("data-video")).collect(Collectors.toSet());
        assertThat(shown).isEqualTo(expected);
        assertThat(driver.findElement(By.cssSelector("#organic-kpis [data-metric='videoCount'] b")).getText())
                .isEqualTo(String.valueOf(expected.size()));
        assertThat(driver.findElement(By.id("organic-csv")).getDomAttribute("href"))
                .isEqualTo(videosPath + "&sort=views&format=csv");
        scrollTo(driver.findElement(By.id("organic")));
        screenshot("11-organic-videos");
    }

    @Test
    @Order(9)
    void alertHistoryListsTheEpisodesTheApiReportsForTheChosenFilters() throws Exception {
        // the sandbox's accounts pace off their budgets, so warnings fire within the first syncs
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> apiJson("/api/alerting/alerts?severity=warning&limit=50").size() > 0);
        driver.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(driver, UI_WAIT);
        wait.until(d -> d.findElements(By.id("alert-history")).size() == 1);
        scrollTo(driver.findElement(By.id("alert-history")));
        driver.findElement(By.cssSelector("#alert-history summary")).click();
        new Select(driver.findElement(By.id("history-severity"))).selectByValue("warning");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
            driver.findElement(By.cssSelector("#history-form button[type=submit]")).click();
            List<String> expected = new ArrayList<>();
            apiJson("/api/alerting/alerts?severity=warning&limit=50").forEach(a -> expected.add(a.get("summary").asString()));
            List<String> shown = driver.findElements(By.cssSelector("#history-list li.alert .summary")).stream()
                    .map(WebElement::getText).toList();
            assertThat(shown).isEqualTo(expected);
        });
        assertThat(driver.findElements(By.cssSelector("#history-list .badge.sev")).stream().map(WebElement::getText)
                .map(String::toLowerCase).distinct().toList()).containsExactly("warning");
        screenshot("12-alert-history");
    }

    /** Reloads the overview until the figures it shows equal the API's for the range in the filters. */
    private static void assertOverviewEqualsApi(String scopeQuery) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // a panel re-rendered between finding a figure and reading it leaves a stale element: look again
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
            driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
            awaitIdle("overview");
            JsonNode overview = apiJson("/api/reporting/overview?" + scopeQuery + "&" + range());
            String currency = overview.get("currency").asString();
            for (String metric : List.of("spend", "impressions", "clicks")) {
                String expected = overview.get("current").get("metrics").get(metric).asString();
                WebElement shown = driver.findElement(By.cssSelector("#kpis [data-metric=" + metric + "] b"));
                assertThat(new BigDecimal(shown.getDomAttribute("data-value"))).as(metric)
                        .isEqualByComparingTo(new BigDecimal(expected));
                String formatted = (String) js.executeScript("return arguments[1] === 'spend'"
                        + " ? new Intl.NumberFormat(undefined, {style: 'currency', currency: arguments[2]}).format(Number(arguments[0]))"
                        + " : new Intl.NumberFormat().format(Number(arguments[0]));", expected, metric, currency);
                assertThat(shown.getText()).as("%s as shown", metric).isEqualTo(formatted);
            }
        });
    }

    private static String range() {
        return "from=" + driver.findElement(By.id("from")).getDomProperty("value") + "&to="
                + driver.findElement(By.id("to")).getDomProperty("value");
    }

    private static void awaitIdle(String sectionId) {
        new WebDriverWait(driver, UI_WAIT).until(d -> "false".equals(
                d.findElement(By.id(sectionId)).getDomAttribute("aria-busy")));
        assertThat(driver.findElement(By.cssSelector("#" + sectionId + " .panel-error")).isDisplayed())
                .as("error shown in %s: %s", sectionId,
                        driver.findElement(By.cssSelector("#" + sectionId + " .panel-error")).getText()).isFalse();
    }

    private static List<String> names(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static List<String> entityNames(JsonNode rows) {
        return rows.valueStream().map(r -> r.get("entityName").isNull() ? r.get("entityId").asString()
                : r.get("entityName").asString()).toList();
    }

    /** Scrolls a control to the middle of the window, a section to its top (below the sticky filters). */
    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: arguments[0].tagName === "
                + "'SECTION' ? 'start' : 'center'});", element);
    }

    private static Set<Path> downloaded() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.collect(Collectors.toSet());
        }
    }

    /** The one new, finished file in the download folder. */
    private static Path awaitDownload(Set<Path> before) {
        return await().atMost(UI_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> fresh = files.filter(f -> !before.contains(f)).toList();
                return fresh.size() == 1 && !fresh.get(0).toString().endsWith(".crdownload")
                        && Files.size(fresh.get(0)) > 0 ? fresh.get(0) : null;
            }
        }, f -> f != null);
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode apiJson(String path) throws IOException, InterruptedException {
        return json(URI.create(stack.gatewayUrl() + path), authorization());
    }

    private static JsonNode apiPost(String path, Map<String, String> body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", authorization()).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new LinkedHashMap<>(body)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s → %s", path, response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static void apiPut(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", authorization()).header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT %s → %s", path, response.body()).isEqualTo(200);
    }

    private static JsonNode json(URI uri, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s → %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The service account's bearer token (role ADMIN). */
    private static String authorization() {
        return stack.authorization();
    }
}
