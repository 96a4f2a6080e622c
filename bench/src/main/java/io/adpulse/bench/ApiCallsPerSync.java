package io.adpulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TikTok calls of the first full sync of the sandbox's advertisers, as the sandbox counted them
 * ({@code GET /sandbox/calls}, the API for Business's paths), against the calls the usual connector slicing (../shared/tiktok-api.md §7, Airbyte's
 * source-tiktok-marketing defaults) makes to fetch the same data: the same advertisers, the same days and streams.
 */
final class ApiCallsPerSync {

    /** ingest-service's defaults, which the local stack runs with: 30 days before today plus today, 2 hourly days. */
    static final int DAILY_DAYS = 31;
    static final int HOURLY_DAYS = 2;
    static final int DAILY_LEVELS = 4;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String BUSINESS_API = "/open_api/";

    /**
     * @param adpulseCalls   TikTok calls the sandbox counted for the sync (OAuth calls of the connect flow left out)
     * @param ingestCounted  the same calls as ingest-service counted them on its sync runs
     * @param advertisers    advertisers synced
     * @param byPath         the sandbox's count per path
     * @param clean          false when another sync had started before the count was read
     */
    record Result(long adpulseCalls, long ingestCounted, int advertisers, Map<String, Long> byPath, boolean clean) {

        long usualCalls() {
            return usualSlicing(advertisers, DAILY_DAYS, HOURLY_DAYS);
        }
    }

    private ApiCallsPerSync() {
    }

    /**
     * The usual slicing for the same data, every window holding under 1000 rows (one page): advertiser info in batches
     * of 100; per advertiser campaigns three times (one per buying type), ad groups and ads once each; per daily level
     * one call per 30-day window; campaign-hourly one call per day.
     */
    static long usualSlicing(int advertisers, int dailyDays, int hourlyDays) {
        long info = (advertisers + 99) / 100;
        long entities = 3 + 1 + 1;
        long daily = (long) DAILY_LEVELS * ((dailyDays + 29) / 30);
        return info + advertisers * (entities + daily + hourlyDays);
    }

    /**
     * Waits for every connection's first (GRANT) sync to succeed, then reads the sandbox's count. Each connection's
     * GRANT run is remembered as soon as it is seen succeeded: on a slow machine a connection whose backfill finished
     * early can start its first scheduled poll while others still backfill. The count is then not clean (the poll's
     * calls are in the sandbox's figure), and the Adpulse figure is the calls ingest-service counted on the GRANT runs,
     * which equal the sandbox's count of a clean run.
     */
    static Result measure(String ingestUrl, String sandboxUrl, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> grantCalls = new LinkedHashMap<>();
        Set<String> advertisers = new HashSet<>();
        get(http, sandboxUrl + "/sandbox/advertisers").forEach(a -> advertisers.add(a.get("advertiser_id").asString()));
        JsonNode connections;
        while (true) {
            connections = ofAdvertisers(get(http, ingestUrl + "/api/ingest/connections"), advertisers);
            String state = grantSyncState(connections, grantCalls);
            if (state.equals("done")) {
                break;
            }
            if (!state.equals("running")) {
                throw new IllegalStateException("the first sync of the sandbox did not succeed: " + state);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the first sync of the sandbox did not finish in " + timeout);
            }
            Thread.sleep(250);
        }
        JsonNode calls = get(http, sandboxUrl + "/sandbox/calls");
        JsonNode after = ofAdvertisers(get(http, ingestUrl + "/api/ingest/connections"), advertisers);
        Map<String, Long> byPath = new LinkedHashMap<>();
        long sandboxCount = 0;
        for (Map.Entry<String, JsonNode> e : calls.get("by_path").properties()) {
            // the API for Business only: the Display API's calls are the creator connection's organic polls
            if (e.getKey().startsWith(BUSINESS_API)) {
                byPath.put(e.getKey(), e.getValue().asLong());
                if (!e.getKey().contains("/oauth2/")) {
                    sandboxCount += e.getValue().asLong();
                }
            }
        }
        long counted = grantCalls.values().stream().mapToLong(Long::longValue).sum();
        boolean clean = onlyGrantRuns(connections) && runIds(connections).equals(runIds(after));
        return new Result(clean ? sandboxCount : counted, counted, connections.size(), byPath, clean);
    }

    /**
     * The connections of the sandbox's advertisers: the launcher also connects a creator (TikTok user) account, which
     * has no API-for-Business sync runs (its {@code lastSync} stays null).
     */
    static JsonNode ofAdvertisers(JsonNode connections, Set<String> advertisers) {
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode c : connections) {
            if (advertisers.contains(c.path("advertiserId").asString(""))) {
                kept.add(c);
            }
        }
        return kept;
    }

    /**
     * "done" when every connection's GRANT sync succeeded (remembered in {@code grantCalls} with its calls), "running"
     * while not yet, else the reason.
     */
    static String grantSyncState(JsonNode connections, Map<String, Long> grantCalls) {
        if (connections.isEmpty()) {
            return "running";
        }
        boolean done = true;
        for (JsonNode c : connections) {
            String id = c.get("id").asString();
            JsonNode last = c.get("lastSync");
            if (last == null || last.isNull()) {
                done = false;
                continue;
            }
            String reason = last.get("reason").asString();
            String result = last.get("result").asString();
            if (reason.equals("GRANT") && result.equals("FAILED")) {
                return "connection " + id + ": " + last.get("error").asString();
            }
            if (reason.equals("GRANT") && result.equals("SUCCEEDED")) {
                grantCalls.put(id, last.get("apiCalls").asLong());
            }
            if (!grantCalls.containsKey(id)) {
                if (!reason.equals("GRANT")) {
                    return "connection " + id + " ran a " + reason + " sync before its GRANT sync was seen succeeded";
                }
                done = false;
            }
        }
        return done ? "done" : "running";
    }

    private static boolean onlyGrantRuns(JsonNode connections) {
        for (JsonNode c : connections) {
            if (!c.path("lastSync").path("reason").asString("").equals("GRANT")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> runIds(JsonNode connections) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : connections) {
            ids.add(c.path("lastSync").path("runId").asString(""));
        }
        return ids;
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
