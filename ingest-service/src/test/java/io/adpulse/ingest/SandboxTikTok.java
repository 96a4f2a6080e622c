package io.adpulse.ingest;

import io.adpulse.sandbox.TikTokSandboxApplication;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TikTok's sandbox (the tiktok-sandbox module) running in this JVM, once, behind {@link FakeTikTok}: the fake forwards
 * to it every write and every request about the sandbox's advertiser ({@link #advertiserId()}), so tests of commands
 * run against the sandbox's write endpoints and validation while the rest of the suite keeps its scripted fake (the
 * fake also forwards Content Posting, uploads and comments, see {@link TestSandbox}). Its clock is pinned to
 * {@link IngestServiceTestBase#NOW}, so the webhooks it signs are fresh for the service only during the suite's first
 * minutes; later they are refused as stale and posts finish by their status checks.
 */
final class SandboxTikTok {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SandboxTikTok shared;
    private static final Map<Long, SandboxTikTok> SEEDED = new java.util.HashMap<>();

    private final String baseUrl;
    private final WebClient client;

    private SandboxTikTok(ConfigurableApplicationContext context) {
        String root = "http://127.0.0.1:" + TikTokSandboxApplication.port(context);
        this.baseUrl = root + "/open_api/v1.3";
        this.client = WebClient.builder().baseUrl(root).build();
    }

    /** The running sandbox, started on first use, with the fake forwarding to it. */
    static synchronized SandboxTikTok shared() {
        if (shared == null) {
            shared = new SandboxTikTok(TikTokSandboxApplication.start(0, Map.of(
                    TikTokSandboxApplication.QPS, 1000,
                    TikTokSandboxApplication.FIXED_CLOCK, IngestServiceTestBase.NOW.toString(),
                    // Direct Post: 1 KB chunks (ingest's test chunk size) and quick processing
                    "adpulse.sandbox.posting.min-chunk-size", "1024",
                    "adpulse.sandbox.posting.processing-delay", "300ms")));
            FakeTikTok.shared().forwardToSandbox(shared.baseUrl);
        }
        return shared;
    }

    /**
     * Another sandbox in this JVM, seeded with {@code seed} (so its advertisers are not the shared one's, which other
     * tests write to), started once per seed; the fake forwards requests about its advertisers to it
     * ({@link #advertiserIds()}).
     */
    static synchronized SandboxTikTok seeded(long seed) {
        return SEEDED.computeIfAbsent(seed, s -> new SandboxTikTok(TikTokSandboxApplication.start(0, Map.of(
                TikTokSandboxApplication.SEED, s,
                TikTokSandboxApplication.QPS, 1000,
                TikTokSandboxApplication.FIXED_CLOCK, IngestServiceTestBase.NOW.toString()))));
    }

    /** Every seeded advertiser of this sandbox, in its order; from now on the fake forwards requests about them here. */
    List<String> advertiserIds() {
        JsonNode list = JSON.readTree(client.get().uri("/sandbox/advertisers").retrieve().bodyToMono(String.class)
                .block(java.time.Duration.ofSeconds(10)));
        List<String> ids = list.valueStream().map(a -> a.get("advertiser_id").asString()).toList();
        ids.forEach(id -> FakeTikTok.shared().forwardAdvertiser(id, root()));
        return ids;
    }

    /** A fresh access token for all of {@code advertiserIds} (one authorisation). */
    String token(List<String> advertiserIds) {
        JsonNode minted = JSON.readTree(client.post().uri("/sandbox/tokens")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("advertiser_ids", advertiserIds))
                .retrieve().bodyToMono(String.class).block(java.time.Duration.ofSeconds(10)));
        return minted.get("access_token").asString();
    }

    /** The sandbox's root URL (control API, Login Kit, Content Posting). */
    String root() {
        return baseUrl.substring(0, baseUrl.length() - "/open_api/v1.3".length());
    }

    /** The first seeded advertiser (seed 42: Northwind Outdoor US, USD), from now on served by the sandbox. */
    String advertiserId() {
        JsonNode list = JSON.readTree(client.get().uri("/sandbox/advertisers").retrieve().bodyToMono(String.class)
                .block(java.time.Duration.ofSeconds(10)));
        String id = list.get(0).get("advertiser_id").asString();
        FakeTikTok.shared().forwardAdvertiser(id);
        return id;
    }

    /** Creates an enabled campaign with a daily budget straight in the sandbox; its id. */
    String createCampaign(String token, String advertiserId, String name, String budget) {
        return post(token, "/campaign/create/", Map.of("advertiser_id", advertiserId, "campaign_name", name,
                "objective_type", "TRAFFIC", "budget_mode", "BUDGET_MODE_DAY", "budget", new java.math.BigDecimal(budget)))
                .get("campaign_id").asString();
    }

    /** Creates an ad group with a daily budget under the campaign straight in the sandbox; its id. */
    String createAdGroup(String token, String advertiserId, String campaignId, String name, String budget) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("advertiser_id", advertiserId);
        body.put("campaign_id", campaignId);
        body.put("adgroup_name", name);
        body.put("budget_mode", "BUDGET_MODE_DAY");
        body.put("budget", new java.math.BigDecimal(budget));
        body.put("billing_event", "CPC");
        body.put("optimization_goal", "CLICK");
        body.put("schedule_type", "SCHEDULE_FROM_NOW");
        body.put("schedule_start_time", "2026-11-20 00:00:00");
        return post(token, "/adgroup/create/", body).get("adgroup_id").asString();
    }

    private JsonNode post(String token, String endpoint, Map<String, Object> body) {
        JsonNode answer = JSON.readTree(client.post().uri("/open_api/v1.3" + endpoint)
                .header("Access-Token", token)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(body))
                .retrieve().bodyToMono(String.class).block(java.time.Duration.ofSeconds(10)));
        if (answer.get("code").asInt() != 0) {
            throw new IllegalStateException(endpoint + " failed: " + answer);
        }
        return answer.get("data");
    }

    /**
     * A new 30-day Spark Ads code the first sandbox creator made for their post number {@code post} (0 = newest), as
     * the sandbox's control API answers it: {@code auth_code}, {@code open_id}, {@code item_id}, {@code expires_at}.
     */
    JsonNode sparkCode(int post) {
        String openId = JSON.readTree(client.get().uri("/sandbox/creators").retrieve().bodyToMono(String.class)
                .block(java.time.Duration.ofSeconds(10))).get(0).get("open_id").asString();
        String itemId = JSON.readTree(client.get().uri("/sandbox/ground-truth/organic?open_id=" + openId).retrieve()
                .bodyToMono(String.class).block(java.time.Duration.ofSeconds(10))).get("videos").get(post).get("id")
                .asString();
        return JSON.readTree(client.post().uri("/sandbox/spark-codes")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("open_id", openId, "item_id", itemId, "days", 30))
                .retrieve().bodyToMono(String.class).block(java.time.Duration.ofSeconds(10)));
    }

    /** Ends the validity of a Spark Ads code now, as a creator revoking it. */
    void expireSparkCode(String authCode) {
        client.post().uri("/sandbox/spark-codes/expire").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("auth_code", authCode)).retrieve().toBodilessEntity()
                .block(java.time.Duration.ofSeconds(10));
    }

    /** A fresh access token for {@code advertiserId}. */
    String token(String advertiserId) {
        return token(List.of(advertiserId));
    }
}
