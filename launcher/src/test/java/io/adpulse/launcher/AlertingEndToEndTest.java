package io.adpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budget alerts as on-call staff meet them, on the whole system: a sandbox campaign is made to over-deliver, TikTok's
 * figures flow through ingest-service, alerting-service judges the day's spend against the daily budget and notifies
 * the configured webhook receiver — exactly one alert for the campaign's overspend — and the alert is listed by the
 * alerting API the dashboard shows; when the campaign's figures return to normal the alert resolves at the receiver.
 */
@ExtendWith(SharedStack.class)
class AlertingEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AdpulseStack stack;

    @BeforeAll
    static void useSharedStack(AdpulseStack shared) throws Exception {
        stack = shared;
        new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization()).connect();
    }

    @AfterAll
    static void restoreDelivery() throws Exception {
        send(HttpRequest.newBuilder(URI.create(stack.sandboxUrl() + "/sandbox/pacing")).DELETE().build());
    }

    @Test
    void anOverspendingCampaignAlertsOnceAtTheWebhookAndResolvesWhenItsSpendReturnsToNormal() throws Exception {
        JsonNode campaign = dailyBudgetCampaignWithSpend();
        String campaignId = campaign.get("campaignId").asString();
        BigDecimal budget = new BigDecimal(campaign.get("budget").asString());
        BigDecimal spent = new BigDecimal(campaign.get("spentSoFar").asString());
        // enough for the day's spend to pass the daily budget by half
        int factor = budget.multiply(new BigDecimal("1.5")).divide(spent, 0, RoundingMode.CEILING).max(BigDecimal.valueOf(2))
                .intValueExact();
        HttpResponse<String> boosted = send(HttpRequest.newBuilder(URI.create(stack.sandboxUrl() + "/sandbox/pacing"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advertiser_id\":\"" + campaign.get("advertiserId")
                        .asString() + "\",\"campaign_id\":\"" + campaignId + "\",\"factor\":" + factor + "}"))
                .build());
        assertThat(boosted.statusCode()).as(boosted.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(overspendAlerts(campaignId, "firing")).hasSize(1));
        JsonNode listed = getJson(gateway("/api/alerting/alerts"));
        assertThat(listed.toString()).as("the alerting API the dashboard reads").contains(campaignId)
                .contains("OVERSPEND");

        send(HttpRequest.newBuilder(URI.create(stack.sandboxUrl() + "/sandbox/pacing")).DELETE().build());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(overspendAlerts(campaignId, "resolved")).hasSize(1));
        assertThat(overspendAlerts(campaignId, "firing")).as("one alert for the one overspend").hasSize(1);
    }

    /**
     * The fingerprints of the campaign's OVERSPEND alerts the receiver was told about with {@code status}; a group
     * notification repeats the alerts of its group, so alerts are counted by fingerprint, not by notification.
     */
    private static Set<String> overspendAlerts(String campaignId, String status) {
        Set<String> fingerprints = new TreeSet<>();
        for (String body : SharedStack.alertReceiver().notifications()) {
            for (JsonNode alert : JSON.readTree(body).path("alerts")) {
                JsonNode labels = alert.path("labels");
                if (campaignId.equals(labels.path("campaign_id").asString(""))
                        && "OVERSPEND".equals(labels.path("condition").asString(""))
                        && status.equals(alert.path("status").asString(""))) {
                    fingerprints.add(alert.path("fingerprint").asString());
                }
            }
        }
        return fingerprints;
    }

    /** A campaign with a daily budget that spent something today and is not yet over budget (waiting for the sync). */
    private static JsonNode dailyBudgetCampaignWithSpend() {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            for (JsonNode advertiser : getJson(URI.create(stack.sandboxUrl() + "/sandbox/advertisers"))) {
                JsonNode pacing = getJson(gateway("/api/reporting/pacing?advertiserId="
                        + advertiser.get("advertiser_id").asString()));
                for (JsonNode row : pacing.path("rows")) {
                    if ("campaign".equals(row.path("level").asString()) && "daily".equals(row.path("budgetMode").asString())
                            && !row.path("spentSoFar").isNull() && new BigDecimal(row.path("spentSoFar").asString())
                            .signum() > 0 && !"OVERSPENT".equals(row.path("status").asString())) {
                        found.add(row);
                        return true;
                    }
                }
            }
            return false;
        });
        return found.get(0);
    }

    private static JsonNode getJson(URI uri) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (uri.toString().startsWith(stack.gatewayUrl())) {
            request.header("Authorization", stack.authorization());
        }
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as("GET %s → %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI gateway(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }
}
