package io.adpulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.alerting.HttpReceiver.Received;
import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Severity;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Forwarding to Alertmanager's v2 API: the payload at the local HTTP receiver (receiver {@code am-http}, advertisers
 * {@code amhttp-*}), and a real Alertmanager (Debian's {@code prometheus-alertmanager}, receiver {@code am-real},
 * advertisers {@code amreal-*}) started on a loopback port when the binary is on the PATH.
 */
class AlertmanagerForwardingTest extends DeliveryTestSupport {

    static final String BINARY = "prometheus-alertmanager";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Process alertmanager;

    @TempDir
    static Path dir;

    @Test
    void postsFiringAlertsWithoutEndAndResolvedOnesEndingAtTheirResolution() {
        String advertiser = "amhttp-" + UUID.randomUUID();
        AlertCandidate first = candidate(advertiser, "cmp-1", Severity.CRITICAL);
        AlertCandidate second = candidate(advertiser, "cmp-2", Severity.WARNING);
        evaluate(advertiser, T0, first, second);

        tick(T0);

        List<Received> posts = RECEIVER.received("/am/api/v2/alerts", advertiser);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        JsonNode alerts = JSON.readTree(posts.get(0).body());
        assertThat(alerts.isArray()).isTrue();
        assertThat(alerts).hasSize(2);
        JsonNode alert = alerts.get(0);
        assertThat(alert.propertyNames()).containsExactly("labels", "annotations", "startsAt", "generatorURL");
        assertThat(map(alert.get("labels"))).isEqualTo(Map.of("advertiser_id", advertiser, "campaign_id", "cmp-1",
                "alertname", RULE, "rule", RULE, "severity", "critical"));
        assertThat(map(alert.get("annotations"))).isEqualTo(Map.of("summary", first.summary()));
        assertThat(alert.get("startsAt").asString()).isEqualTo(T0.toString());
        assertThat(alert.get("generatorURL").asString()).isEqualTo("http://localhost:8080");
        assertThat(deliveryOf("am-http", first).get("integration").asString()).isEqualTo("alertmanager");

        evaluate(advertiser, T0.plusSeconds(60), second);
        tick(T0.plusSeconds(300));

        posts = RECEIVER.received("/am/api/v2/alerts", advertiser);
        assertThat(posts).hasSize(2);
        JsonNode update = JSON.readTree(posts.get(1).body());
        JsonNode resolved = update.valueStream().filter(a -> a.get("labels").get("campaign_id").asString().equals("cmp-1"))
                .findFirst().orElseThrow();
        assertThat(resolved.get("endsAt").asString()).isEqualTo(T0.plusSeconds(60).toString());
        assertThat(resolved.get("annotations").get("resolution").asString()).isEqualTo("cleared for " + advertiser);
        JsonNode stillFiring = update.valueStream()
                .filter(a -> a.get("labels").get("campaign_id").asString().equals("cmp-2")).findFirst().orElseThrow();
        assertThat(stillFiring.has("endsAt")).isFalse();
    }

    @Test
    void aForwardedAlertAppearsInARealAlertmanagerWithItsLabelsAndResolvesThere() throws Exception {
        Path binary = onPath(BINARY);
        Assumptions.assumeTrue(binary != null, BINARY + " is not installed (apt-get install prometheus-alertmanager)");
        startAlertmanager(binary);
        String advertiser = "amreal-" + UUID.randomUUID();
        AlertCandidate alert = candidate(advertiser, "cmp-1", Severity.CRITICAL);
        evaluate(advertiser, T0, alert);

        tick(T0);

        assertThat(deliveryOf("am-real", alert).get("status").asString()).isEqualTo("DELIVERED");
        JsonNode listed = await().atMost(Duration.ofSeconds(20)).until(() -> alertsOf(advertiser), a -> a.size() == 1)
                .get(0);
        assertThat(map(listed.get("labels"))).isEqualTo(Map.of("advertiser_id", advertiser, "campaign_id", "cmp-1",
                "alertname", RULE, "rule", RULE, "severity", "critical"));
        assertThat(listed.get("annotations").get("summary").asString()).isEqualTo(alert.summary());
        assertThat(listed.get("status").get("state").asString()).isIn("active", "unprocessed");
        assertThat(listed.get("generatorURL").asString()).isEqualTo("http://localhost:8080");

        evaluate(advertiser, T0.plusSeconds(60));
        tick(T0.plusSeconds(300));

        assertThat(deliveries("am-real").valueStream()
                .filter(d -> d.get("fingerprints").get(0).asString().equals(alert.fingerprint()))
                .filter(d -> d.get("alertStatus").asString().equals("resolved"))
                .map(d -> d.get("status").asString())).containsExactly("DELIVERED");
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsOf(advertiser).isEmpty());
    }

    @AfterAll
    static void stopAlertmanager() {
        if (alertmanager != null) {
            alertmanager.destroy();
            alertmanager = null;
        }
    }

    /** Alertmanager listing of the active (unresolved) alerts of the advertiser. */
    static List<JsonNode> alertsOf(String advertiser) throws IOException, InterruptedException {
        String filter = URLEncoder.encode("advertiser_id=\"" + advertiser + "\"", StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v2/alerts?filter=" + filter)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream().toList();
    }

    static void startAlertmanager(Path binary) throws IOException {
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: sink
                receivers:
                  - name: sink
                """);
        Path storage = Files.createDirectories(dir.resolve("data"));
        alertmanager = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.path=" + storage,
                "--web.listen-address=127.0.0.1:" + ALERTMANAGER_PORT,
                "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertThat(alertmanager.isAlive()).as("alertmanager runs; see " + dir.resolve("alertmanager.log"))
                            .isTrue();
                    return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/-/ready")).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    static String base() {
        return "http://127.0.0.1:" + ALERTMANAGER_PORT;
    }

    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
