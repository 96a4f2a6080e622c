package io.adpulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import io.adpulse.reporting.privacy.AccountErasure;
import io.adpulse.testsupport.TableScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** An erasure request on {@code privacy.requests.v1} removes one account's rows from every table, and only its rows. */
class PrivacyErasureTest extends ReportingServiceTest {

    /** Every table of this service; each has both an advertiser and a connection column. */
    private static final List<String> ACCOUNT_TABLES = List.of("entity_state", "daily_metric", "hourly_metric");
    private static final Instant T0 = Instant.parse("2026-11-20T09:30:00Z");

    private final EventCodec codec = new EventCodec();

    @Autowired
    DatabaseClient db;

    @Test
    void erasureDeletesEveryRowOfTheAccountAndConfirmsWithCounts() {
        String erased = TestIds.next();
        String kept = TestIds.next();
        seed(erased);
        seed(kept);
        Map<String, Long> keptBefore = countsOf(kept);
        String requestId = "erasure-" + UUID.randomUUID();

        kafka.publish(request(requestId, erased));

        PrivacyCompleted done = awaitCompletion(requestId);
        assertThat(countsOf(erased)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(countsOf(kept)).isEqualTo(keptBefore).allSatisfy((table, count) -> assertThat(count).isPositive());
        assertThat(done.service()).isEqualTo("reporting-service");
        assertThat(done.connectionId()).isEqualTo("conn-" + erased);
        assertThat(done.deletedRows()).containsExactlyInAnyOrderEntriesOf(
                Map.of("entity_state", 2L, "daily_metric", 2L, "hourly_metric", 2L, "organic_video", 0L,
                        "brand_advertiser", 0L, "report", 0L));
    }

    /**
     * Tables that hold no account's data, and why. Every other table of the schema must be erased by the
     * {@code AccountEraser} and seeded by {@link #seedEverything}, so a new table is either erased or explained.
     */
    private static final Map<String, String> NOT_ACCOUNT_DATA = Map.of(
            "client", "set up by administrators, never from TikTok data",
            "brand", "set up by administrators, never from TikTok data",
            "fx_rate", "exchange rates, about no account",
            "outbox", "ReportGenerated events: report, client and brand ids, no advertiser");

    @Test
    void everyTableEitherHoldsAccountDataThatIsErasedOrIsExplained() {
        Set<String> covered = new TreeSet<>(AccountErasure.tables());
        covered.addAll(NOT_ACCOUNT_DATA.keySet());
        assertThat(covered).as("tables of the schema: erase and seed a new table, or explain it in NOT_ACCOUNT_DATA")
                .isEqualTo(new TableScan(db).tables());
    }

    @Test
    void afterAnErasureAScanOfEveryColumnOfEveryTableFindsNothingOfTheAccount() {
        String erased = TestIds.next();
        String kept = TestIds.next();
        seedEverything(erased);
        seedEverything(kept);
        TableScan scan = new TableScan(db);
        assertThat(scan.rowsContaining(erased).keySet().stream().map(column -> column.split("\\.")[0]))
                .as("the seed reaches every table with account data")
                .containsAll(AccountErasure.tables());
        String requestId = "erasure-" + UUID.randomUUID();

        kafka.publish(request(requestId, erased));

        PrivacyCompleted done = awaitCompletion(requestId);
        assertThat(scan.rowsContaining(erased)).isEmpty();
        assertThat(scan.rowsContaining(kept).keySet().stream().map(column -> column.split("\\.")[0]))
                .containsAll(AccountErasure.tables());
        assertThat(done.deletedRows()).containsEntry("brand_advertiser", 1L).containsEntry("report", 1L);
    }

    @Test
    void anExportHoldsEveryKindOfDataOfTheAccountAndNothingOfAnother() {
        String exported = TestIds.next();
        String other = TestIds.next();
        seedEverything(exported);
        seedEverything(other);

        List<Map<String, Object>> lines = web.get()
                .uri(b -> b.path("/api/reporting/privacy/exports/{c}").queryParam("accountId", exported)
                        .build("conn-" + exported))
                .header("X-Adpulse-Roles", "ADMIN")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(30));

        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("service")).isEqualTo("reporting-service");
            assertThat(String.valueOf(line.get("row"))).contains(exported).doesNotContain(other);
        });
        assertThat(lines.stream().map(line -> (String) line.get("table")).distinct().toList())
                .as("every table with account data, from the schema (see everyTableEitherHoldsAccountData...)")
                .containsExactlyInAnyOrderElementsOf(AccountErasure.tables());
        web.get().uri("/api/reporting/privacy/exports/conn-" + exported).header("X-Adpulse-Roles", "OPERATOR")
                .exchange().expectStatus().isForbidden();
    }

    /** Rows of {@code advertiserId} in every table that can hold an account's data. */
    private void seedEverything(String advertiserId) {
        seed(advertiserId);
        db.sql("insert into organic_video (connection_id, open_id, video_id, view_count, observed_at, event_id)"
                        + " values (:c, 'open-of-' || :a, '7300000000000000009', 1, now(), gen_random_uuid()::text)")
                .bind("c", "conn-" + advertiserId).bind("a", advertiserId)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        // Named independently of the advertiser: clients and brands are not its data and stay.
        String client = "client-" + UUID.randomUUID();
        String brand = "brand-" + UUID.randomUUID();
        db.sql("insert into client (client_id, name, created_by, created_at, updated_by, updated_at)"
                        + " values (:id, :id, 'admin', now(), 'admin', now())")
                .bind("id", client).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        db.sql("insert into brand (brand_id, client_id, name, created_by, created_at, updated_by, updated_at)"
                        + " values (:id, :client, :id, 'admin', now(), 'admin', now())")
                .bind("id", brand).bind("client", client).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        db.sql("insert into brand_advertiser (advertiser_id, brand_id, assigned_by, assigned_at)"
                        + " values (:a, :brand, 'admin', now())")
                .bind("a", advertiserId).bind("brand", brand).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        String csv = "section,clientId,clientName,brandId,brandName,weekStart,weekEnd,advertiserId,advertiserName\n"
                + "advertiser," + client + ",C,,,2026-11-09,2026-11-15," + advertiserId + ",Seeded\n";
        db.sql("insert into report (report_id, kind, client_id, client_name, brand_id, brand_name, period_start,"
                        + " period_end, scheduled, requested_by, generated_at, html, csv) values (:id, 'WEEKLY', :client,"
                        + " 'C', null, null, date '2026-11-09', date '2026-11-15', false, 'admin', now(), :html, :csv)")
                .bind("id", "report-" + advertiserId).bind("client", client)
                .bind("html", "<td>" + advertiserId + "</td>").bind("csv", csv)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    @Test
    void erasureOfACreatorDeletesItsOrganicVideosOnly() {
        String erased = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        seedOrganic(erased, "creator-" + erased);
        seedOrganic(kept, "creator-" + kept);
        String requestId = "erasure-" + UUID.randomUUID();
        var data = new PrivacyRequested(requestId, "creator-" + erased, ConnectionKind.CREATOR, List.of(), erased,
                PrivacyRequested.Kind.ERASURE, "admin", T0, PrivacyRequested.Reason.DISCONNECT);

        kafka.publish(EventEnvelope.of("/adpulse/auth-service", "creator-" + erased, T0, data, requestId));

        PrivacyCompleted done = awaitCompletion(requestId);
        assertThat(done.deletedRows()).containsEntry("organic_video", 2L);
        assertThat(organicRows(erased)).isZero();
        assertThat(organicRows(kept)).isEqualTo(2);
    }

    private void seedOrganic(String openId, String connectionId) {
        for (String videoId : List.of("7300000000000000001", "7300000000000000002")) {
            db.sql("insert into organic_video (connection_id, open_id, video_id, view_count, observed_at, event_id)"
                            + " values (:c, :o, :v, 10, now(), gen_random_uuid()::text)")
                    .bind("c", connectionId).bind("o", openId).bind("v", videoId)
                    .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        }
    }

    private long organicRows(String openId) {
        return db.sql("select count(*) from organic_video where open_id = :o").bind("o", openId)
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    @Test
    void aRecordThatIsNotAnErasureRequestIsDeadLetteredWithTheReason() {
        String key = "privacy-garbage-" + UUID.randomUUID();

        kafka.publish(Topics.PRIVACY_REQUESTS, key, "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(Topics.deadLetter(Topics.PRIVACY_REQUESTS),
                r -> key.equals(r.key()));
        assertThat(new String(dead.headers().lastHeader("adpulse-dlt-reason").value(), StandardCharsets.UTF_8))
                .startsWith("not a CloudEvents 1.0 JSON event");
    }

    private PrivacyCompleted awaitCompletion(String requestId) {
        ConsumerRecord<String, byte[]> record = kafka.awaitRecord(Topics.PRIVACY_COMPLETIONS,
                r -> codec.decode(r.value(), PrivacyCompleted.class).data().requestId().equals(requestId));
        return codec.decode(record.value(), PrivacyCompleted.class).data();
    }

    private void seed(String advertiserId) {
        String connectionId = "conn-" + advertiserId;
        for (String entity : List.of(advertiserId, advertiserId + "1")) {
            String level = entity.equals(advertiserId) ? "ADVERTISER" : "CAMPAIGN";
            execute("insert into entity_state (advertiser_id, level, entity_id, connection_id, name, deleted,"
                    + " observed_at, event_id) values (:a, :l, :e, :c, 'Seeded', false, now(), gen_random_uuid()::text)",
                    advertiserId, connectionId, level, entity);
            execute("insert into daily_metric (advertiser_id, level, entity_id, stat_date, connection_id, spend,"
                    + " currency, time_zone, observed_at, event_id) values (:a, :l, :e, date '2026-11-19', :c, 1.5,"
                    + " 'USD', 'UTC', now(), gen_random_uuid()::text)", advertiserId, connectionId, level, entity);
            execute("insert into hourly_metric (advertiser_id, level, entity_id, stat_date, stat_hour, connection_id,"
                    + " spend, currency, time_zone, observed_at, event_id) values (:a, :l, :e, date '2026-11-19', 9, :c,"
                    + " 1.5, 'USD', 'UTC', now(), gen_random_uuid()::text)", advertiserId, connectionId, level, entity);
        }
    }

    private void execute(String sql, String advertiserId, String connectionId, String level, String entityId) {
        db.sql(sql).bind("a", advertiserId).bind("c", connectionId).bind("l", level).bind("e", entityId)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private Map<String, Long> countsOf(String advertiserId) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : ACCOUNT_TABLES) {
            counts.put(table, db.sql("select count(*) from " + table + " where advertiser_id = :a or connection_id = :c")
                    .bind("a", advertiserId).bind("c", "conn-" + advertiserId)
                    .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10)));
        }
        return counts;
    }

    private static EventEnvelope<PrivacyRequested> request(String requestId, String advertiserId) {
        String connectionId = "conn-" + advertiserId;
        var data = new PrivacyRequested(requestId, connectionId, ConnectionKind.ADVERTISER, List.of(advertiserId), null,
                PrivacyRequested.Kind.ERASURE, "admin", T0, PrivacyRequested.Reason.EXPLICIT);
        return EventEnvelope.of("/adpulse/auth-service", connectionId, T0, data, requestId);
    }
}
