package io.adpulse.alerting.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.AlertingServiceTest;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import io.adpulse.testsupport.TableScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * An erasure request on {@code privacy.requests.v1} removes one account's rows from every table that names an
 * advertiser (directly, by alert label, by group label or through an alert's fingerprint), and only its rows.
 */
class PrivacyErasureTest extends AlertingServiceTest {

    /** How to find an advertiser's rows ({@code :a}) in every table of this service that holds any. */
    private static final Map<String, String> ACCOUNT_TABLES = accountTables();

    private final EventCodec codec = new EventCodec();

    @Autowired
    DatabaseClient db;

    private static Map<String, String> accountTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("advertiser", "advertiser_id = :a");
        tables.put("campaign", "advertiser_id = :a");
        tables.put("campaign_spend", "advertiser_id = :a");
        tables.put("adgroup", "advertiser_id = :a");
        tables.put("adgroup_spend", "advertiser_id = :a");
        tables.put("campaign_hourly", "advertiser_id = :a");
        tables.put("connection_state", "connection_id = 'conn-' || :a");
        tables.put("api_error", "connection_id = 'conn-' || :a");
        tables.put("alert", "labels ->> 'advertiser_id' = :a");
        tables.put("notification_group", "group_labels ->> 'advertiser_id' = :a");
        tables.put("notification_member", "alert_id in (select id from alert where labels ->> 'advertiser_id' = :a)"
                + " or group_id in (select id from notification_group where group_labels ->> 'advertiser_id' = :a)");
        tables.put("delivery", "body like '%' || :a || '%'");
        tables.put("outbox", "record_key = 'fp-' || :a");
        return tables;
    }

    @Test
    void erasureDeletesEveryRowOfTheAccountAndConfirmsWithCounts() {
        String erased = "privacy-" + UUID.randomUUID();
        String kept = "privacy-" + UUID.randomUUID();
        seed(erased);
        seed(kept);
        Map<String, Long> keptBefore = countsOf(kept);
        String requestId = "erasure-" + UUID.randomUUID();

        request(requestId, erased);

        PrivacyCompleted done = awaitCompletion(requestId);
        assertThat(countsOf(erased)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(countsOf(kept)).isEqualTo(keptBefore).allSatisfy((table, count) -> assertThat(count).as(table)
                .isPositive());
        assertThat(done.service()).isEqualTo("alerting-service");
        assertThat(done.connectionId()).isEqualTo("conn-" + erased);
        assertThat(done.deletedRows()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("advertiser", 1L),
                Map.entry("campaign", 1L), Map.entry("campaign_spend", 1L), Map.entry("campaign_hourly", 1L),
                Map.entry("adgroup", 1L), Map.entry("adgroup_spend", 1L), Map.entry("connection_state", 1L),
                Map.entry("api_error", 1L), Map.entry("alert", 1L), Map.entry("notification_group", 1L),
                Map.entry("notification_member", 1L), Map.entry("delivery", 1L), Map.entry("outbox", 1L)));
    }

    /**
     * Tables that hold no account's data, and why. Every other table of the schema must be in
     * {@link #ACCOUNT_TABLES}, so a new table is either erased (and seeded here) or explained.
     */
    private static final Map<String, String> NOT_ACCOUNT_DATA = Map.of(
            "silence", "operator configuration: matchers written by people, not TikTok data",
            "settings_version", "operator configuration: rule thresholds, overrides naming advertisers and campaigns,"
                    + " routes and receivers, written by admins through /api/alerting/config, not TikTok data");

    @Test
    void everyTableEitherHoldsAccountDataThatIsErasedOrIsExplained() {
        Set<String> covered = new TreeSet<>(ACCOUNT_TABLES.keySet());
        covered.addAll(NOT_ACCOUNT_DATA.keySet());
        assertThat(covered).as("tables of the schema: erase and seed a new table, or explain it in NOT_ACCOUNT_DATA")
                .isEqualTo(new TableScan(db).tables());
        assertThat(AccountEraser.TABLES).containsExactlyInAnyOrderElementsOf(ACCOUNT_TABLES.keySet());
    }

    @Test
    void afterAnErasureAScanOfEveryColumnOfEveryTableFindsNothingOfTheAccount() {
        String erased = "privacy-" + UUID.randomUUID();
        String kept = "privacy-" + UUID.randomUUID();
        seed(erased);
        seed(kept);
        TableScan scan = new TableScan(db);
        assertThat(scan.rowsContaining(erased)).as("the seed reaches every table with account data")
                .containsKeys("advertiser.advertiser_id", "api_error.connection_id", "alert.labels", "delivery.body");
        String requestId = "erasure-" + UUID.randomUUID();

        request(requestId, erased);
        awaitCompletion(requestId);

        assertThat(scan.rowsContaining(erased, Map.of("outbox", "event_type = 'adpulse.privacy.completed.v1'")))
                .as("only the confirmation, the fact of the erasure, names the account").isEmpty();
        assertThat(scan.rowsContaining(kept)).isNotEmpty();
    }

    @Autowired
    WebTestClient web;

    @Test
    void anExportHoldsEveryKindOfDataOfTheAccountAndNothingOfAnother() {
        String exported = "privacy-" + UUID.randomUUID();
        String other = "privacy-" + UUID.randomUUID();
        seed(exported);
        seed(other);

        List<Map<String, Object>> lines = web.get()
                .uri("/api/alerting/privacy/exports/conn-" + exported + "?accountId=" + exported)
                .header("X-Adpulse-Roles", "ADMIN")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(30));

        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("service")).isEqualTo("alerting-service");
            assertThat(String.valueOf(line.get("row"))).doesNotContain(other);
        });
        assertThat(lines.stream().map(line -> (String) line.get("table")).distinct().toList())
                .as("every table the erasure covers (checked against the schema above)")
                .containsExactlyInAnyOrderElementsOf(AccountEraser.TABLES);
        assertThat(AccountExport.TABLES.keySet()).containsExactlyInAnyOrderElementsOf(AccountEraser.TABLES);
        web.get().uri("/api/alerting/privacy/exports/conn-" + exported).header("X-Adpulse-Roles", "OPERATOR")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aRecordThatIsNotAnErasureRequestIsDeadLettered() {
        String key = "privacy-garbage-" + UUID.randomUUID();

        KAFKA.send(Topics.PRIVACY_REQUESTS, key, "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(KAFKA.awaitRecords(Topics.deadLetter(Topics.PRIVACY_REQUESTS), r -> key.equals(r.key())))
                .isNotEmpty();
    }

    private PrivacyCompleted awaitCompletion(String requestId) {
        List<ConsumerRecord<String, byte[]>> found = KAFKA.awaitRecords(Topics.PRIVACY_COMPLETIONS,
                r -> codec.decode(r.value(), PrivacyCompleted.class).data().requestId().equals(requestId));
        return codec.decode(found.get(0).value(), PrivacyCompleted.class).data();
    }

    /**
     * One advertiser with a campaign, its spend, a resolved alert (so the evaluation loop leaves it alone) with its
     * notification group, membership, delivery and outbox record.
     */
    private void seed(String advertiserId) {
        String fingerprint = "fp-" + advertiserId;
        String labels = "{\"alertname\": \"daily-budget-pacing\", \"advertiser_id\": \"" + advertiserId + "\"}";
        execute("insert into advertiser (advertiser_id, name, time_zone, currency, observed_at)"
                + " values (:a, 'Seeded', 'UTC', 'USD', now())", advertiserId);
        execute("insert into campaign (advertiser_id, campaign_id, name, status, deleted, budget, budget_currency,"
                + " budget_mode, observed_at) values (:a, '1801', 'Seeded', 'ENABLE', false, 100, 'USD',"
                + " 'BUDGET_MODE_TOTAL', now())", advertiserId);
        execute("insert into campaign_spend (advertiser_id, campaign_id, local_date, spend, currency, observed_at)"
                + " values (:a, '1801', date '2026-11-20', 10, 'USD', now())", advertiserId);
        execute("insert into adgroup (advertiser_id, adgroup_id, campaign_id, name, status, deleted, budget,"
                + " budget_currency, budget_mode, schedule_start, schedule_end, observed_at) values (:a, '1901', '1801',"
                + " 'Seeded', 'ENABLE', false, 50, 'USD', 'BUDGET_MODE_DAY', now(), null, now())", advertiserId);
        execute("insert into adgroup_spend (advertiser_id, adgroup_id, local_date, spend, currency, observed_at)"
                + " values (:a, '1901', date '2026-11-20', 5, 'USD', now())", advertiserId);
        execute("insert into campaign_hourly (advertiser_id, campaign_id, local_date, hour, spend, impressions, currency,"
                + " connection_id, observed_at) values (:a, '1801', date '2026-11-01', 9, 0, 0, 'USD', 'conn-' || :a,"
                + " now())", advertiserId);
        execute("insert into connection_state (connection_id, advertiser_id, status, reason, granted_at, revoked_at,"
                + " changed_at) values ('conn-' || :a, :a, 'REVOKED', 'DISCONNECTED', now(), now(), now())", advertiserId);
        execute("insert into api_error (event_id, connection_id, advertiser_id, endpoint, code, http_status, retryable,"
                + " occurred_at) values ('err-' || :a, 'conn-' || :a, :a, '/advertiser/info/', 50002, 500, true, now())",
                advertiserId);
        db.sql("insert into alert (fingerprint, rule, severity, state, labels, summary, starts_at, resolved_at,"
                        + " resolution, routed) values (:f, 'daily-budget-pacing', 'WARNING', 'RESOLVED', cast(:l as jsonb),"
                        + " 'seeded', now(), now(), 'seeded', true)")
                .bind("f", fingerprint).bind("l", labels).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        db.sql("insert into notification_group (route, receiver, group_key, group_labels, created_at, next_flush_at)"
                        + " values ('root', 'blackhole', :k, cast(:l as jsonb), now(), now() + interval '1 day')")
                .bind("k", "root:{advertiser_id=\"" + advertiserId + "\"}").bind("l", labels)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        execute("insert into notification_member (group_id, alert_id, notified_state) select g.id, a.id, 'RESOLVED'"
                + " from notification_group g, alert a where g.group_labels ->> 'advertiser_id' = :a"
                + " and a.labels ->> 'advertiser_id' = :a", advertiserId);
        db.sql("insert into delivery (receiver, integration, integration_index, group_key, alert_status, alert_count,"
                        + " fingerprints, body, status, next_attempt_at, created_at, delivered_at) values ('blackhole',"
                        + " 'webhook', 0, 'root', 'resolved', 1, array[:f], :b, 'DELIVERED', now(), now(), now())")
                .bind("f", fingerprint).bind("b", "{\"advertiser_id\": \"" + advertiserId + "\"}")
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        db.sql("insert into outbox (topic, record_key, event_id, event_type, payload, created_at, published_at)"
                        + " values ('alerts.v1', :f, :e, 'adpulse.alerts.fired.v1', :p, now(), now())")
                .bind("f", fingerprint).bind("e", UUID.randomUUID().toString())
                .bind("p", java.nio.ByteBuffer.wrap(labels.getBytes(StandardCharsets.UTF_8)))
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private void execute(String sql, String advertiserId) {
        db.sql(sql).bind("a", advertiserId).fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private Map<String, Long> countsOf(String advertiserId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ACCOUNT_TABLES.forEach((table, condition) -> counts.put(table,
                db.sql("select count(*) from " + table + " where " + condition).bind("a", advertiserId)
                        .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10))));
        return counts;
    }

    private void request(String requestId, String advertiserId) {
        String connectionId = "conn-" + advertiserId;
        var data = new PrivacyRequested(requestId, connectionId, ConnectionKind.ADVERTISER, List.of(advertiserId), null,
                PrivacyRequested.Kind.ERASURE, "admin", NOW, PrivacyRequested.Reason.EXPLICIT);
        KAFKA.send(Topics.PRIVACY_REQUESTS, connectionId,
                codec.encode(EventEnvelope.of("/adpulse/auth-service", connectionId, NOW, data, requestId)));
    }
}
