package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * The sandbox as the launcher runs it: started in this JVM on a free port, with settings from the map, blind to the
 * host JVM's application.yml (src/test/resources holds one that would break it), and over real HTTP.
 */
class InProcessStartTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ConfigurableApplicationContext context;
    private static String base;

    @BeforeAll
    static void start() {
        context = TikTokSandboxApplication.start(0, Map.of(
                TikTokSandboxApplication.APP_ID, "inproc-app",
                TikTokSandboxApplication.APP_SECRET, "inproc-secret",
                TikTokSandboxApplication.QPS, 2,
                TikTokSandboxApplication.FIXED_CLOCK, "2026-03-18T10:30:00Z"));
        base = "http://localhost:" + TikTokSandboxApplication.port(context);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void startsOnAFreePortWithTheSeededAdvertisersAndTheDefaultHistory() throws Exception {
        JsonNode advertisers = get("/sandbox/advertisers");
        String usId = advertisers.get(0).get("advertiser_id").asString();
        JsonNode truth = get("/sandbox/ground-truth?level=advertiser&advertiser_id=" + usId
                + "&start_date=2026-02-01&end_date=2026-02-01");

        assertThat(TikTokSandboxApplication.port(context)).isPositive();
        assertThat(advertisers).hasSize(3);
        assertThat(truth.get("rows")).as("60 days of history, not the host's 3").hasSize(1);
    }

    @Test
    void usesTheAppFromTheGivenProperties() throws Exception {
        JsonNode consent = exchange("/open_api/v1.3/oauth2/access_token/",
                "{\"app_id\":\"shadowing-app\",\"secret\":\"inproc-secret\",\"auth_code\":\"x\"}");

        assertThat(consent.get("code").asInt()).isEqualTo(40101);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/portal/auth?app_id=inproc-app&state=s&redirect_uri=https://app.example.com/cb")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void appOverItsRequestsPerSecondGets40100InAnHttp200() throws Exception {
        boolean limited = false;
        for (int call = 0; call < 100 && !limited; call++) {
            JsonNode answer = get("/open_api/v1.3/oauth2/advertiser/get/?app_id=rate-probe&secret=s");
            limited = answer.get("code").asInt() == 40100;
            if (limited) {
                assertThat(answer.get("message").asString()).isNotBlank();
                assertThat(answer.get("data").isEmpty()).isTrue();
            } else {
                assertThat(answer.get("code").asInt()).isEqualTo(40101);
            }
        }

        assertThat(limited).as("a burst far above 2 requests per second is limited").isTrue();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SandboxClient.parse(response.body());
    }

    private static JsonNode exchange(String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return SandboxClient.parse(response.body());
    }
}
