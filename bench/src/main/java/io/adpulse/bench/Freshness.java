package io.adpulse.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measure 4, freshness: on a running stack whose first sync is done, today's spend of one campaign of the sandbox's
 * first advertiser is restated in the sandbox ({@code POST /sandbox/restatements}), and the reporting API is read
 * through the gateway ({@code GET /api/reporting/campaigns/daily}, signed in as the dashboard is) every
 * {@link #READ_EVERY} until it shows the new value (at least the restated total: the sandbox adds today's hours
 * still to come on top of it); the clock runs from sending the restatement to the answer that
 * shows it. Before each round the bench waits a random part of the poll interval, so that the rounds do not all start
 * at the same phase of ingest-service's poll cycle. The reference is that poll interval.
 */
final class Freshness {

    private static final Logger log = LoggerFactory.getLogger(Freshness.class);
    static final Duration READ_EVERY = Duration.ofMillis(100);
    static final String CAMPAIGNS_DAILY = "/api/reporting/campaigns/daily";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * @param pollInterval ingest-service's poll interval on the measured stack
     * @param sortedNanos  restatement → the API shows it, one per round, sorted
     * @param advertiserId the advertiser whose campaign was restated
     * @param campaignId   the restated campaign
     * @param reads        API reads made in all rounds
     */
    record Result(Duration pollInterval, long[] sortedNanos, String advertiserId, String campaignId, long reads) {
    }

    private Freshness() {
    }

    /**
     * Runs {@code rounds} restatements; {@code headers} sign the API reads in (a session cookie). Undoes the
     * restatements at the end.
     */
    static Result measure(String gatewayUrl, String sandboxUrl, Map<String, String> headers, Duration pollInterval,
            int rounds, Duration timeoutPerRound) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode advertiser = get(http, URI.create(sandboxUrl + "/sandbox/advertisers"), Map.of()).get(0);
        String advertiserId = advertiser.get("advertiser_id").asString();
        LocalDate today = LocalDate.now(ZoneId.of(advertiser.get("display_timezone").asString()));
        URI report = URI.create(gatewayUrl + CAMPAIGNS_DAILY + "?advertiserId=" + advertiserId + "&from=" + today
                + "&to=" + today);
        // a campaign that the dashboard already shows for today (the first sync has ingested it)
        String campaignId = null;
        long deadline = System.nanoTime() + timeoutPerRound.toNanos();
        while (campaignId == null) {
            JsonNode rows = get(http, report, headers).path("rows");
            if (!rows.isEmpty()) {
                campaignId = rows.get(0).get("campaignId").asString();
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reporting API shows no campaign of advertiser " + advertiserId
                        + " for " + today + " after " + timeoutPerRound);
            } else {
                Thread.sleep(1000);
            }
        }
        Random random = new Random(rounds);
        long[] latencies = new long[rounds];
        long reads = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                Thread.sleep((long) (random.nextDouble() * pollInterval.toMillis()));
                BigDecimal shown = spend(get(http, report, headers), campaignId, today).orElse(BigDecimal.ZERO);
                // A whole amount (valid in every currency) well above what is shown: the sandbox keeps adding the hours of
                // today still to come on top of a restatement, so the API may show a little more than the restated
                // total, but never this much more without it.
                BigDecimal restated = shown.multiply(new BigDecimal("1.5")).setScale(0, RoundingMode.FLOOR)
                        .add(BigDecimal.valueOf(1000 + round));
                String body = "{\"entity_id\":\"" + campaignId + "\",\"date\":\"" + today
                        + "\",\"metrics\":{\"spend\":\"" + restated.toPlainString() + "\"}}";
                long start = System.nanoTime();
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl
                        + "/sandbox/restatements")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (posted.statusCode() != 200) {
                    throw new IllegalStateException("POST /sandbox/restatements answered " + posted.statusCode() + ": "
                            + posted.body());
                }
                long roundDeadline = start + timeoutPerRound.toNanos();
                while (true) {
                    reads++;
                    Optional<BigDecimal> now = spend(get(http, report, headers), campaignId, today);
                    if (now.isPresent() && now.get().compareTo(restated) >= 0) {
                        latencies[round] = System.nanoTime() - start;
                        break;
                    }
                    if (System.nanoTime() > roundDeadline) {
                        throw new IllegalStateException("the reporting API did not show the restated spend "
                                + restated + " of campaign " + campaignId + " within " + timeoutPerRound
                                + " (it shows " + now.map(BigDecimal::toPlainString).orElse("nothing") + ")");
                    }
                    Thread.sleep(READ_EVERY.toMillis());
                }
                log.info("freshness round {}: {} ms", round + 1, latencies[round] / 1_000_000);
            }
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/restatements"))
                    .timeout(Duration.ofSeconds(10)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        Arrays.sort(latencies);
        return new Result(pollInterval, latencies, advertiserId, campaignId, reads);
    }

    /** The campaign's spend on {@code date} in a daily campaign report, if it has a row for it. */
    static Optional<BigDecimal> spend(JsonNode report, String campaignId, LocalDate date) {
        for (JsonNode row : report.path("rows")) {
            if (campaignId.equals(row.path("campaignId").asString("")) && date.toString().equals(
                    row.path("date").asString("")) && !row.path("spend").isNull() && !row.path("spend").isMissingNode()) {
                return Optional.of(new BigDecimal(row.get("spend").asString()));
            }
        }
        return Optional.empty();
    }

    private static JsonNode get(HttpClient http, URI uri, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET();
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getPath() + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
