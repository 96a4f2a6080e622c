package io.adpulse.faults;

import static org.awaitility.Awaitility.await;

import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.WebhookReceived;
import io.adpulse.launcher.AdpulseStack;
import io.adpulse.launcher.SandboxConnector;
import io.adpulse.launcher.Service;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations;
import io.adpulse.sandbox.oauth.AccessTokens;
import io.adpulse.testsupport.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole system, every service its own process, under faults while it syncs the sandbox's accounts: SIGKILLs of
 * services at random points (the first one mid-backfill) and their restarts, a Kafka broker restart, a PostgreSQL
 * restart, TikTok fault
 * storms (rate-limit codes, 5xx, hung and slow calls), a revoked token, and every webhook delivered twice, shuffled,
 * some badly signed. Then it reconciles: aggregates equal the sandbox's ground truth, no alert fired twice for one
 * condition, every accepted webhook published exactly once, the audit chain verifies, no plaintext token in any
 * table, topic or log. {@code faults.rounds} (1 in every build: one SIGKILL, one restart of Kafka and of PostgreSQL, one
 * storm; 3 in
 * {@code -Pfaults-full}: every service killed in every round) sets how much.
 */
class FaultSuiteTest {

    /** Compared days of campaign figures: the last four weeks, all inside ingest's 30-day backfill. */
    private static final int COMPARED_DAYS = 28;
    private static final Duration SETTLE = Duration.ofMinutes(8);

    private final AdpulseStack stack = FaultStack.get();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> chaos = new ArrayList<>();
    private final Instant begun = Instant.now();

    @Test
    void nothingLostNothingDoubleCountedNothingLeakedUnderCrashesRestartsAndStorms() throws Exception {
        int rounds = Integer.getInteger("faults.rounds", 1);
        long seed = Long.getLong("faults.seed", System.nanoTime());
        Random random = new Random(seed);
        figures.put("rounds", rounds);
        figures.put("random seed (-Dfaults.seed)", seed);

        SandboxConnector connector = new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization());
        connector.connect();
        String openId = FaultStack.getJson(stack.sandboxUrl() + "/sandbox/creators").get(0).get("open_id").asString();
        connector.connectCreator(openId);
        note("connected the sandbox's advertisers and creator " + openId + " through OAuth");

        WebhookDriver webhooks = new WebhookDriver(new RawHttp(stack.options().port(Service.GATEWAY)), openId);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> driverFailure = new AtomicReference<>();
        Thread driver = new Thread(() -> {
            Random own = new Random(seed + 1);
            try {
                while (!stop.get()) {
                    webhooks.batch(own, 5);
                    Thread.sleep(1_000);
                }
            } catch (Throwable e) {
                driverFailure.set(e);
            }
        }, "webhook-driver");
        driver.start();

        // mid-backfill: the first sync of every account is running now
        pause(random, 2_000, 8_000);
        killAndRestart(Service.INGEST, random);
        String boosted = overspend();

        List<Service> victims = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            storm(random);
            if (rounds > 1) {
                victims.addAll(List.of(Service.values()));
                java.util.Collections.shuffle(victims, random);
            } else if (round == 1) {
                victims.add(Service.values()[random.nextInt(Service.values().length)]);
            }
            for (Service victim : victims) {
                pause(random, 1_000, 10_000);
                killAndRestart(victim, random);
            }
            victims.clear();
            pause(random, 1_000, 8_000);
            Instant restarting = Instant.now();
            stack.restartKafka();
            note("restarted the Kafka broker (same port, same log directories; " + Duration.between(restarting,
                    Instant.now()).toSeconds() + " s)");
            pause(random, 1_000, 8_000);
            stack.restartPostgres();
            note("restarted PostgreSQL (same port, same data)");
            if (round == 1) {
                revokeAndReconnect(connector);
            }
        }
        stop.set(true);
        driver.join(Duration.ofMinutes(5).toMillis());
        FaultStack.sandbox("DELETE", "/sandbox/faults", null);
        note("faults cleared; reconciling");
        awaitAlertFor(boosted);
        FaultStack.sandbox("DELETE", "/sandbox/pacing", null);

        SoftAssertions softly = new SoftAssertions();
        reconcileAggregates(softly);
        reconcileAudit(softly);
        reconcileWebhooks(webhooks, softly);
        reconcileAlerts(boosted, softly);
        scanForSecrets(softly);
        softly.assertThat(driverFailure.get()).as("webhook driver failure").isNull();
        figures.put("total duration", Duration.between(begun, Instant.now()).toSeconds() + " s");
        ReliabilityReport.chaos(figures, chaos);
        softly.assertAll();
    }

    private void killAndRestart(Service service, Random random) throws Exception {
        stack.kill(service);
        note("SIGKILL " + service.module());
        pause(random, 0, 3_000);
        Instant restarting = Instant.now();
        stack.restart(service);
        note("restarted " + service.module() + " (ready in " + Duration.between(restarting, Instant.now()).toSeconds()
                + " s)");
    }

    /** A burst of TikTok failures: rate-limit codes, 5xx answers, hung and slow calls, on whatever is called next. */
    private void storm(Random random) throws Exception {
        List<String> faults = List.of(
                "{\"path\":\"*\",\"times\":" + (10 + random.nextInt(20)) + ",\"code\":40100}",
                "{\"path\":\"report/integrated/get/\",\"times\":" + (3 + random.nextInt(8)) + ",\"code\":50000}",
                "{\"path\":\"*\",\"times\":" + (3 + random.nextInt(5)) + ",\"http_status\":503}",
                "{\"path\":\"*\",\"times\":" + (2 + random.nextInt(4)) + ",\"http_status\":500}",
                "{\"path\":\"*\",\"times\":" + (2 + random.nextInt(4)) + ",\"http_status\":504}",
                "{\"path\":\"campaign/get/\",\"times\":2,\"delay_ms\":40000}",
                "{\"path\":\"report/integrated/get/\",\"times\":" + (2 + random.nextInt(4)) + ",\"body\":\"malformed\"}",
                "{\"path\":\"report/integrated/get/\",\"times\":" + (2 + random.nextInt(4)) + ",\"body\":\"truncated\"}",
                "{\"path\":\"adgroup/get/\",\"times\":2,\"body\":\"truncated\"}",
                "{\"path\":\"*\",\"times\":" + (5 + random.nextInt(10)) + ",\"delay_ms\":" + (500 + random.nextInt(2_500)) + "}");
        for (String fault : faults) {
            HttpResponse<String> answer = FaultStack.sandbox("POST", "/sandbox/faults", fault);
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("sandbox refused fault " + fault + ": " + answer.body());
            }
        }
        note("TikTok storm: " + faults.size() + " faults (40100, 50000, HTTP 503/500/504, 40 s hangs, slow calls,"
                + " malformed and truncated pages)");
    }

    /** TikTok revokes the advertisers' token (as when the owner removes the app); the operator connects again. */
    private void revokeAndReconnect(SandboxConnector connector) throws Exception {
        int revoked = 0;
        for (String token : stack.sandbox().getBean(AccessTokens.class).issuedTokens()) {
            // the storm's faults hit this call too: retry through them as any TikTok client would
            for (int attempt = 0; attempt < 200; attempt++) {
                HttpResponse<String> answer = FaultStack.sandbox("POST", "/open_api/v1.3/oauth2/revoke_token/",
                        "{\"app_id\":\"sandbox-app\",\"secret\":\"sandbox-secret\",\"access_token\":\"" + token
                                + "\"}");
                JsonNode body = answer.statusCode() == 200 ? FaultStack.JSON.readTree(answer.body()) : null;
                if (body != null && body.path("code").asInt() == 0) {
                    revoked++;
                    break;
                }
                if (body != null && body.path("code").asInt() == 40105) {
                    break;
                }
            }
        }
        note("revoked " + revoked + " advertiser token(s) at TikTok");
        // let ingest meet the revoked token on its next polls (every 5 s) before the operator reconnects
        Thread.sleep(12_000);
        connector.connect();
        note("reconnected the advertisers through OAuth");
    }

    /** Makes one campaign with a daily budget overspend today, so that one alert condition exists during the run. */
    private String overspend() throws Exception {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        // ignoreExceptions: reporting answers 404 for an advertiser until it observed one of its entities or metrics
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            for (JsonNode advertiser : FaultStack.getJson(stack.sandboxUrl() + "/sandbox/advertisers")) {
                JsonNode pacing = FaultStack.getJson(stack.gatewayUrl() + "/api/reporting/pacing?advertiserId="
                        + advertiser.get("advertiser_id").asString());
                for (JsonNode row : pacing.path("rows")) {
                    if ("campaign".equals(row.path("level").asString()) && "daily".equals(row.path("budgetMode").asString())
                            && !row.path("spentSoFar").isNull() && new BigDecimal(row.path("spentSoFar").asString())
                            .signum() > 0 && !"OVERSPENT".equals(row.path("status").asString())) {
                        found.set(row);
                        return true;
                    }
                }
            }
            return false;
        });
        JsonNode campaign = found.get();
        BigDecimal budget = new BigDecimal(campaign.get("budget").asString());
        BigDecimal spent = new BigDecimal(campaign.get("spentSoFar").asString());
        int factor = budget.multiply(new BigDecimal("1.5")).divide(spent, 0, java.math.RoundingMode.CEILING)
                .max(BigDecimal.valueOf(2)).intValueExact();
        String campaignId = campaign.get("campaignId").asString();
        HttpResponse<String> answer = FaultStack.sandbox("POST", "/sandbox/pacing", "{\"advertiser_id\":\""
                + campaign.get("advertiserId").asString() + "\",\"campaign_id\":\"" + campaignId + "\",\"factor\":"
                + factor + "}");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("sandbox refused pacing: " + answer.body());
        }
        note("campaign " + campaignId + " overspends today (x" + factor + "): one alert condition");
        return campaignId;
    }

    /** Waits until the overspending campaign's alert is on alerts.v1 (the condition held through the faults). */
    private void awaitAlertFor(String campaignId) {
        EventCodec codec = new EventCodec();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                AtomicBoolean fired = new AtomicBoolean();
                Topics.read(stack.kafkaBootstrapServers(), io.adpulse.events.Topics.ALERTS, record -> {
                    if (codec.decode(record.value()).data() instanceof AlertFired alert
                            && alert.labels().containsValue(campaignId)) {
                        fired.set(true);
                    }
                });
                return fired.get();
            });
            note("the overspending campaign's alert is on alerts.v1; its delivery returns to normal");
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            note("the overspending campaign's alert did not fire within 3 minutes");
        }
    }

    private void reconcileAggregates(SoftAssertions softly) {
        AtomicReference<Aggregates.Comparison> last = new AtomicReference<>();
        Instant from = Instant.now();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
                last.set(Aggregates.compare(stack.gatewayUrl(), stack.sandboxUrl(), COMPARED_DAYS));
                return last.get().exact();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below with the last comparison
        }
        Aggregates.Comparison c = last.get();
        figures.put("aggregates: advertisers × campaign-days × metrics compared", c == null ? "none" : c.advertisers()
                + " advertisers, " + c.cells() + " values over " + COMPARED_DAYS + " days");
        if (c != null) {
            figures.put("aggregates: equal to ground truth", c.equal() + " of " + c.cells());
            figures.put("aggregates: lost", c.lost());
            figures.put("aggregates: double counted", c.doubleCounted());
            figures.put("aggregates: rows not in the ground truth", c.extraRows());
            figures.put("aggregates: settled after the faults in", Duration.between(from, Instant.now()).toSeconds() + " s");
        }
        softly.assertThat(c).as("aggregates compared").isNotNull();
        if (c != null) {
            softly.assertThat(c.exact()).as("aggregates equal the ground truth; first difference: %s",
                    c.firstDifference()).isTrue();
        }
    }

    private void reconcileAudit(SoftAssertions softly) {
        AtomicReference<JsonNode> verify = new AtomicReference<>();
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                verify.set(FaultStack.getJson(stack.gatewayUrl() + "/api/audit/verify"));
                return verify.get().path("valid").asBoolean();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        JsonNode v = verify.get();
        figures.put("audit chain verifies", v == null ? "no answer" : v.path("valid").asBoolean() + " (" + v.path("checked")
                .asLong() + " entries checked)");
        softly.assertThat(v != null && v.path("valid").asBoolean()).as("audit chain valid: %s", v).isTrue();
    }

    private void reconcileWebhooks(WebhookDriver driver, SoftAssertions softly) throws Exception {
        String ingestDb = stack.jdbcUrl("ingest");
        Map<String, Boolean> inbox = new HashMap<>();
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                inbox.clear();
                try (Connection c = DriverManager.getConnection(ingestDb, EmbeddedPostgresServer.USER,
                        EmbeddedPostgresServer.PASSWORD); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("select delivery_id, published_at is not null from webhook_inbox")) {
                    while (r.next()) {
                        inbox.put(r.getString(1), r.getBoolean(2));
                    }
                }
                return !inbox.containsValue(false);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        EventCodec codec = new EventCodec();
        Map<String, List<String>> eventIdsByDelivery = new HashMap<>();
        Topics.read(stack.kafkaBootstrapServers(), io.adpulse.events.Topics.WEBHOOKS, record -> {
            EventEnvelope<WebhookReceived> event = codec.decode(record.value(), WebhookReceived.class);
            eventIdsByDelivery.computeIfAbsent(event.data().deliveryId(), k -> new ArrayList<>()).add(event.id());
        });
        Set<String> accepted = driver.acceptedDeliveryIds();
        long missing = inbox.keySet().stream().filter(id -> !eventIdsByDelivery.containsKey(id)).count();
        long twice = eventIdsByDelivery.values().stream().filter(ids -> ids.size() > 1).count();
        long twiceDistinct = eventIdsByDelivery.values().stream().filter(ids -> new HashSet<>(ids).size() > 1).count();
        long acceptedNotStored = accepted.stream().filter(id -> !inbox.containsKey(id)).count();
        figures.put("webhooks: notifications sent by the driver", driver.notifications.get());
        figures.put("webhooks: deliveries sent (each notification twice, shuffled; some badly signed)",
                driver.deliveries.get());
        figures.put("webhooks: answered accepted / duplicate / refused signature", driver.accepted.get() + " / "
                + driver.duplicates.get() + " / " + driver.refusedSignatures.get());
        figures.put("webhooks: deliveries retried while a service restarted", driver.retries.get());
        figures.put("webhooks: unexpected answers", driver.unexpected.get());
        figures.put("webhooks: accepted delivery ids (driver and fuzzing) in the inbox", inbox.size());
        figures.put("webhooks: accepted but not stored", acceptedNotStored);
        figures.put("webhooks: stored but never published", missing);
        figures.put("webhooks: published as more than one event (distinct event ids)", twiceDistinct);
        figures.put("webhooks: published in more than one record of the same event (relay after a crash or outage)",
                twice);
        softly.assertThat(driver.problems()).as("webhook deliveries answered unexpectedly").isEmpty();
        softly.assertThat(acceptedNotStored).as("accepted webhooks not in the inbox").isZero();
        softly.assertThat(missing).as("accepted webhooks never published").isZero();
        // Exactly once: one event per accepted webhook, in one record. After a crash or an outage between the publish
        // and the mark, ingest's inbox relay looks for the record on the topic before it publishes again.
        softly.assertThat(twiceDistinct).as("accepted webhooks published as more than one event").isZero();
        softly.assertThat(twice).as("accepted webhooks published in more than one record").isZero();
        softly.assertThat(driver.notifications.get()).as("notifications sent").isPositive();
    }

    private void reconcileAlerts(String campaignId, SoftAssertions softly) {
        EventCodec codec = new EventCodec();
        Map<String, List<String>> sequence = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long[] redelivered = {0};
        Topics.read(stack.kafkaBootstrapServers(), io.adpulse.events.Topics.ALERTS, record -> {
            EventEnvelope<?> event = codec.decode(record.value());
            if (!seen.add(event.id())) {
                redelivered[0]++;
                return;
            }
            if (event.data() instanceof AlertFired fired) {
                sequence.computeIfAbsent(fired.fingerprint(), k -> new ArrayList<>()).add("F "
                        + String.join(" ", fired.labels().values()) + " ");
            } else if (event.data() instanceof AlertResolved resolved) {
                sequence.computeIfAbsent(resolved.fingerprint(), k -> new ArrayList<>()).add("R");
            }
        });
        long firedTwice = 0;
        long fired = 0;
        long boostedFired = 0;
        for (List<String> events : sequence.values()) {
            String previous = "R";
            for (String e : events) {
                if (e.startsWith("F")) {
                    fired++;
                    boostedFired += e.contains(" " + campaignId + " ") ? 1 : 0;
                    if (previous.startsWith("F")) {
                        firedTwice++;
                    }
                }
                previous = e;
            }
        }
        figures.put("alerts: conditions (fingerprints) / AlertFired events", sequence.size() + " / " + fired);
        figures.put("alerts: AlertFired for the overspending campaign", boostedFired);
        figures.put("alerts: fired twice for one condition", firedTwice);
        figures.put("alerts: records redelivered with the same event id", redelivered[0]);
        softly.assertThat(firedTwice).as("alerts fired twice for one condition").isZero();
        // the campaign's own alert and those of its ad groups and ads carry its id: each its own condition
        softly.assertThat(boostedFired).as("alerts fired for the overspending campaign").isPositive();
    }

    private void scanForSecrets(SoftAssertions softly) throws Exception {
        Set<String> tokens = new HashSet<>(stack.sandbox().getBean(AccessTokens.class).issuedTokens());
        tokens.addAll(stack.sandbox().getBean(CreatorAuthorizations.class).issuedTokens());
        SecretScan scan = new SecretScan(tokens);
        for (Service service : Service.values()) {
            if (service.database() != null) {
                scan.scanDatabase(stack.jdbcUrl(service.database()), service.database());
            }
        }
        for (String topic : Topics.all(stack.kafkaBootstrapServers())) {
            scan.scanTopic(stack.kafkaBootstrapServers(), topic);
        }
        scan.scanLogs(stack.options().logDir());
        figures.put("secret scan: scanned", scan.summary());
        figures.put("secret scan: plaintext tokens found", scan.findings().size());
        softly.assertThat(tokens).as("tokens issued by the sandbox").isNotEmpty();
        softly.assertThat(scan.findings()).as("plaintext tokens").isEmpty();
    }

    private void note(String what) {
        chaos.add("+" + Duration.between(begun, Instant.now()).toSeconds() + " s: " + what);
    }

    private static void pause(Random random, int minMillis, int maxMillis) throws InterruptedException {
        Thread.sleep(minMillis + random.nextInt(Math.max(1, maxMillis - minMillis)));
    }
}
