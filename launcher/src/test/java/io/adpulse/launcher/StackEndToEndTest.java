package io.adpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system, as a user meets it: every service as its own process on a real Kafka broker and a
 * real PostgreSQL, TikTok played by the sandbox. An operator connects the sandbox's advertisers through
 * the OAuth flow; the numbers the gateway then reports must equal the sandbox's ground truth.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class StackEndToEndTest {

    private static final String PASSWORD = SharedStack.PASSWORD;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Names of the services' own and their frameworks' meters as Prometheus exposes them. */
    private static final Pattern METRIC_NAME = Pattern.compile(
            "\\b(adpulse|jvm|http_server|kafka|spring_kafka|process|system)_[a-z0-9_]*[a-z0-9]\\b");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int COMPARED_DAYS = 7;

    /** Started once per JVM and shared with the other stack tests (random ports, 5 s polls, 20 s creator tokens). */
    private static AdpulseStack stack;

    @BeforeAll
    static void useSharedStack(AdpulseStack shared) {
        stack = shared;
    }

    @Test
    @Order(1)
    void anonymousApiCallIsRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway("/api/reporting/advertisers")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).contains("application/problem+json"));
    }

    /** HTTP Basic with the administrator's right password gets nowhere: every sign-in needs TOTP. */
    @Test
    @Order(1)
    void aPasswordAloneDoesNotBypassMfa() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway("/api/reporting/advertisers"))
                .header("Authorization", basic("admin", PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway("/api/reporting/advertisers"))
                .header("Authorization", basic("admin", "wrong")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void connectedAdvertisersReportSpendEqualToTheSandboxGroundTruth() throws Exception {
        List<String> connected = connectThroughOAuth();
        JsonNode seeded = getJson(URI.create(stack.sandboxUrl() + "/sandbox/advertisers"), null);
        assertThat(connected).hasSize(seeded.size());

        for (JsonNode advertiser : seeded) {
            String advertiserId = advertiser.get("advertiser_id").asString();
            ZoneId zone = ZoneId.of(advertiser.get("display_timezone").asString());
            LocalDate to = LocalDate.now(zone).minusDays(1);
            LocalDate from = to.minusDays(COMPARED_DAYS - 1);
            Map<String, Map<String, BigDecimal>> truth = groundTruth(advertiserId, from, to);
            assertThat(truth).as("sandbox seeds spend for %s", advertiserId).isNotEmpty();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(reported(advertiserId, from, to)).isEqualTo(truth));
        }
    }

    @Test
    @Order(2)
    void aCreatorConnectionOutlivesSeveralTokenExpiriesAndEndsWhenTheUserRemovesTheApp() throws Exception {
        String openId = getJson(URI.create(stack.sandboxUrl() + "/sandbox/creators"), null).get(0).get("open_id")
                .asString();
        String body = new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization())
                .connectCreator(openId);
        String connectionId = JSON.readTree(body).get("connections").get(0).get("id").asString();

        // Every token lives 20 s: three different expiry instants mean two refreshes, with no operator action, and
        // the connection stays ACTIVE all along.
        Set<String> expiries = new HashSet<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode connection = connection(connectionId);
            assertThat(connection.get("status").asString()).isEqualTo("ACTIVE");
            expiries.add(connection.get("expiresAt").asString());
            assertThat(expiries).hasSizeGreaterThanOrEqualTo(3);
        });
        assertThat(connection(connectionId).get("lastRefreshedAt").isNull()).isFalse();

        // The user removes the app in TikTok: TikTok's authorization.removed webhook reaches ingest through the
        // gateway, is published on tiktok.webhooks.v1, and auth-service revokes the connection.
        HttpResponse<String> removed = HTTP.send(HttpRequest.newBuilder(URI.create(stack.sandboxUrl()
                + "/sandbox/creators/" + openId + "/deauthorize?reason=1")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(connection(connectionId).get("status").asString()).isEqualTo("REVOKED"));
    }

    private static JsonNode connection(String id) throws Exception {
        return getJson(gateway("/api/auth/connections/" + id), stack.authorization());
    }

    @Test
    @Order(3)
    void everyEventAndAccessLandsInAVerifiableAuditChain() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode verify = getJson(gateway("/api/audit/verify"), stack.authorization());
            assertThat(verify.get("valid").asBoolean()).isTrue();
            assertThat(verify.get("checked").asLong()).isPositive();
        });
    }

    @Test
    @Order(4)
    void everyMetricTheDashboardsAndAlertRulesQueryIsExposedByTheRunningServices() throws Exception {
        Map<String, Set<String>> queried = new TreeMap<>();
        Path deploy = Path.of("..", "deploy");
        try (Stream<Path> files = Stream.concat(Files.list(deploy.resolve("grafana/dashboards")),
                Files.list(deploy.resolve("prometheus/rules")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readAllLines(file).stream()
                        .filter(line -> !line.strip().startsWith("#") && !line.contains("description")
                                && !line.contains("summary:") && !line.contains("\"title\""))
                        .collect(Collectors.joining("\n"))
                        // label matchers and their values are not metric names
                        .replaceAll("\\{[^}]*}", "");
                Matcher names = METRIC_NAME.matcher(text);
                while (names.find()) {
                    queried.computeIfAbsent(names.group(), n -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        assertThat(queried).as("metrics queried by deploy/").hasSizeGreaterThan(10);
        // Kafka client metrics are bound by Micrometer once a minute, so the consumers' lag may take that long.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Set<String> exposed = scrapeAll();
            assertThat(queried.keySet().stream().filter(name -> !exposed.contains(name)).map(name -> name + " (in "
                    + queried.get(name) + ")").toList()).as("queried but exposed by no running service").isEmpty();
        });
    }

    /** The names of every metric family every service exposes at /actuator/prometheus. */
    private static Set<String> scrapeAll() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (Service service : Service.values()) {
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(service)
                    + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as("scrape of %s", service).isEqualTo(200);
            scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exposed::add);
        }
        return exposed;
    }

    /** Start → sandbox consent → callback, the way a browser would travel it; returns connected advertisers. */
    private static List<String> connectThroughOAuth() throws Exception {
        String body = new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization()).connect();
        return JSON.readTree(body).get("connections").valueStream().map(c -> c.get("advertiserId").asString())
                .toList();
    }

    private static Map<String, Map<String, BigDecimal>> groundTruth(String advertiserId, LocalDate from, LocalDate to)
            throws Exception {
        JsonNode truth = getJson(URI.create(stack.sandboxUrl() + "/sandbox/ground-truth?level=campaign&advertiser_id="
                + advertiserId + "&start_date=" + from + "&end_date=" + to), null);
        Map<String, Map<String, BigDecimal>> byKey = new HashMap<>();
        for (JsonNode row : truth.get("rows")) {
            byKey.put(row.get("campaign_id").asString() + "@" + row.get("date").asString(),
                    figures(row.get("spend"), row.get("impressions"), row.get("clicks"), row.get("conversion")));
        }
        return byKey;
    }

    private static Map<String, Map<String, BigDecimal>> reported(String advertiserId, LocalDate from, LocalDate to)
            throws Exception {
        JsonNode report = getJson(gateway("/api/reporting/campaigns/daily?advertiserId=" + advertiserId
                + "&from=" + from + "&to=" + to), stack.authorization());
        Map<String, Map<String, BigDecimal>> byKey = new HashMap<>();
        for (JsonNode row : report.get("rows")) {
            byKey.put(row.get("campaignId").asString() + "@" + row.get("date").asString(),
                    figures(row.get("spend"), row.get("impressions"), row.get("clicks"), row.get("conversions")));
        }
        return byKey;
    }

    /** The compared figures of one campaign-day; a metric TikTok did not return stays null (missing, not zero). */
    private static Map<String, BigDecimal> figures(JsonNode spend, JsonNode impressions, JsonNode clicks,
            JsonNode conversions) {
        Map<String, BigDecimal> figures = new HashMap<>();
        figures.put("spend", decimal(spend));
        figures.put("impressions", decimal(impressions));
        figures.put("clicks", decimal(clicks));
        figures.put("conversions", decimal(conversions));
        return figures;
    }

    /** Compares by value, so "12.50" and "12.5" are the same amount. */
    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asString()).stripTrailingZeros();
    }

    private static JsonNode getJson(URI uri, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s → %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI gateway(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }


}
