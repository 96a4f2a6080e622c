package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import io.adpulse.ingest.privacy.AccountEraser;
import io.adpulse.testsupport.TableScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** An erasure request on {@code privacy.requests.v1} removes one account's rows from every table, and only its rows. */
class PrivacyErasureTest extends IngestServiceTestBase {

    /** Every table of this service with a connection or advertiser column, and how it names the account. */
    private static final Map<String, String> ACCOUNT_TABLES = Map.of(
            "connection", "id = :c or advertiser_id = :a",
            "sync_run", "connection_id = :c",
            "sync_watermark", "connection_id = :c",
            "published_fact", "advertiser_id = :a",
            "command", "connection_id = :c or advertiser_id = :a");

    @Test
    void erasureDeletesEveryRowOfTheAccountAndConfirmsWithCounts() {
        String erased = uniqueAdvertiserId();
        String kept = uniqueAdvertiserId();
        seed(erased);
        seed(kept);
        String requestId = "erasure-" + UUID.randomUUID();
        Map<String, Long> keptBefore = countsOf(kept);

        request(requestId, erased);

        eventually().untilAsserted(() -> assertThat(completions(requestId)).isNotEmpty());
        assertThat(countsOf(erased)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(countsOf(kept)).isEqualTo(keptBefore).allSatisfy((table, count) -> assertThat(count).isPositive());
        PrivacyCompleted done = completions(requestId).get(0).data();
        assertThat(done.service()).isEqualTo("ingest-service");
        assertThat(done.connectionId()).isEqualTo("conn-" + erased);
        assertThat(done.deletedRows()).containsEntry("connection", 1L).containsEntry("sync_run", 2L)
                .containsEntry("sync_watermark", 1L).containsEntry("published_fact", 2L).containsEntry("command", 1L);
    }

    /**
     * Tables that hold no account's data, and why. Every other table of the schema must be erased by the
     * {@link AccountEraser}, so a new table is either erased or explained.
     */
    private static final Map<String, String> NOT_ACCOUNT_DATA = Map.of(
            "tiktok_daily_quota", "calls per app and day, about no account");

    @Test
    void everyTableEitherHoldsAccountDataThatIsErasedOrIsExplained() {
        Set<String> covered = new TreeSet<>(AccountEraser.TABLES.keySet());
        covered.addAll(NOT_ACCOUNT_DATA.keySet());
        assertThat(covered).as("tables of the schema: erase a new table, or explain it in NOT_ACCOUNT_DATA")
                .isEqualTo(new TableScan(db).tables());
    }

    @Test
    void afterErasuresAScanOfEveryColumnOfEveryTableFindsNothingOfTheAccounts() {
        String erased = uniqueAdvertiserId();
        String kept = uniqueAdvertiserId();
        seed(erased);
        seed(kept);
        String creator = UUID.randomUUID().toString();
        String keptCreator = UUID.randomUUID().toString();
        seedCreator(creator);
        seedCreator(keptCreator);
        TableScan scan = new TableScan(db);
        assertThat(scan.rowsContaining(erased)).containsKeys("connection.advertiser_id", "sync_run.connection_id",
                "sync_watermark.connection_id", "published_fact.advertiser_id");
        assertThat(scan.rowsContaining(creator)).containsKeys("connection.advertiser_id", "webhook_inbox.user_open_id");
        String requestId = "erasure-" + UUID.randomUUID();
        String creatorRequestId = "erasure-" + UUID.randomUUID();

        request(requestId, erased);
        var data = new PrivacyRequested(creatorRequestId, "creator-" + creator, ConnectionKind.CREATOR, List.of(),
                creator, PrivacyRequested.Kind.ERASURE, "admin", NOW, PrivacyRequested.Reason.DISCONNECT);
        kafka.send(new ProducerRecord<>(Topics.PRIVACY_REQUESTS, "creator-" + creator, CODEC.encode(
                EventEnvelope.of("/adpulse/auth-service", "creator-" + creator, NOW, data, creatorRequestId)))).join();

        eventually().untilAsserted(() -> assertThat(completions(requestId)).isNotEmpty());
        eventually().untilAsserted(() -> assertThat(completions(creatorRequestId)).isNotEmpty());
        assertThat(scan.rowsContaining(erased)).isEmpty();
        assertThat(scan.rowsContaining(creator)).isEmpty();
        assertThat(scan.rowsContaining(kept)).isNotEmpty();
        assertThat(scan.rowsContaining(keptCreator)).isNotEmpty();
    }

    @Test
    void anExportHoldsEveryKindOfDataOfTheAccountButNeverItsToken() {
        String exported = uniqueAdvertiserId();
        String other = uniqueAdvertiserId();
        seed(exported);
        seed(other);
        String creator = UUID.randomUUID().toString();
        seedCreator(creator);
        db.sql("update connection set token_key_id = 'transit-1', token_ciphertext = 'sealed-secret-' || :a"
                        + " where id = 'conn-' || :a")
                .bind("a", exported).fetch().rowsUpdated().block(Duration.ofSeconds(10));

        List<Map<String, Object>> advertiser = export("conn-" + exported, "accountId=" + exported);
        List<Map<String, Object>> ofCreator = export("creator-" + creator, "openId=" + creator);

        assertThat(advertiser).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("service")).isEqualTo("ingest-service");
            assertThat(String.valueOf(line.get("row"))).contains(exported).doesNotContain(other)
                    .doesNotContain("sealed-secret");
        });
        assertThat(advertiser).filteredOn(line -> line.get("table").equals("connection")).singleElement()
                .satisfies(line -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = (Map<String, Object>) line.get("row");
                    assertThat(row).containsEntry("token_present", true)
                            .doesNotContainKeys("token_ciphertext", "token_key_id");
                });
        Set<String> tables = new TreeSet<>();
        advertiser.forEach(line -> tables.add((String) line.get("table")));
        ofCreator.forEach(line -> tables.add((String) line.get("table")));
        assertThat(tables).as("every table with account data, from the schema (see everyTableEitherHoldsAccountData...)")
                .isEqualTo(new TreeSet<>(AccountEraser.TABLES.keySet()));
        web.get().uri("/api/ingest/privacy/exports/conn-" + exported).header("X-Adpulse-Roles", "OPERATOR")
                .exchange().expectStatus().isForbidden();
    }

    private List<Map<String, Object>> export(String connectionId, String query) {
        return web.get().uri("/api/ingest/privacy/exports/" + connectionId + "?" + query)
                .header("X-Adpulse-Roles", "ADMIN")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(30));
    }

    /** A creator connection with a run, and a webhook notification about the creator. */
    private void seedCreator(String openId) {
        String connectionId = "creator-" + openId;
        execute("insert into connection (id, advertiser_id, kind, display_name, status, granted_at, updated_at,"
                + " status_reason) values (:c, :a, 'CREATOR', 'Creator', 'REVOKED', now(), now(),"
                + " 'DISCONNECTED_BY_OPERATOR')", connectionId, openId);
        execute("insert into sync_run (connection_id, reason, requested_by, started_at, finished_at, result)"
                + " values (:c, 'SCHEDULE', 'system', now(), now(), 'SUCCEEDED')", connectionId, null);
        db.sql("insert into webhook_inbox (delivery_id, event, user_open_id, record_key, payload, received_at,"
                        + " published_at) values (gen_random_uuid()::text, 'authorization.removed', :o, :o, :p, now(),"
                        + " now())")
                .bind("o", openId)
                .bind("p", java.nio.ByteBuffer.wrap(("{\"user_openid\":\"" + openId + "\"}")
                        .getBytes(StandardCharsets.UTF_8)))
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        // a post to the creator account from an uploaded video, and a comment on one of its videos
        String mediaId = "media-" + openId;
        execute("insert into media (id, file_name, content_type, size_bytes, chunk_bytes, chunk_count, sha256,"
                + " uploaded_by, created_at) values (:c, 'clip.mp4', 'video/mp4', 4, 1024, 1, 'ab', 'maria', now())",
                mediaId, null);
        db.sql("insert into media_chunk (media_id, idx, bytes) values (:m, 0, :b)").bind("m", mediaId)
                .bind("b", java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 1})).fetch().rowsUpdated()
                .block(Duration.ofSeconds(10));
        execute("insert into publish (id, connection_id, open_id, source, media_id, privacy_level, disable_comment,"
                + " disable_duet, disable_stitch, scheduled_at, state, requested_by, created_at, updated_at) values"
                + " ('post-' || :a, :c, :a, 'FILE_UPLOAD', 'media-' || :a, 'SELF_ONLY', false, false, false, now(),"
                + " 'PUBLISH_COMPLETE', 'maria', now(), now())", connectionId, openId);
        execute("insert into comment_triage (comment_id, connection_id, open_id, video_id, text, first_seen_at)"
                + " values ('comment-' || :a, :c, :a, '7000000000000000001', 'Nice!', now())", connectionId, openId);
    }

    @Test
    void aRedeliveredRequestDeletesNothingMoreAndConfirmsUnderTheSameEventId() {
        String erased = uniqueAdvertiserId();
        seed(erased);
        String requestId = "erasure-" + UUID.randomUUID();

        request(requestId, erased);
        eventually().untilAsserted(() -> assertThat(completions(requestId)).hasSize(1));
        request(requestId, erased);

        eventually().untilAsserted(() -> assertThat(completions(requestId)).hasSize(2));
        List<EventEnvelope<PrivacyCompleted>> both = completions(requestId);
        assertThat(both.get(1).id()).isEqualTo(both.get(0).id());
        assertThat(both.get(1).data().deletedRows()).allSatisfy((table, count) -> assertThat(count).isZero());
    }

    @Test
    void aRecordThatIsNotAnErasureRequestIsDeadLettered() {
        String key = "privacy-garbage-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(Topics.PRIVACY_REQUESTS, key, "{}".getBytes(StandardCharsets.UTF_8))).join();

        eventually().untilAsserted(() -> assertThat(TopicReader.readAll(Topics.deadLetter(Topics.PRIVACY_REQUESTS))
                .stream().map(ConsumerRecord::key)).contains(key));
    }

    private void seed(String advertiserId) {
        String connectionId = "conn-" + advertiserId;
        execute("insert into connection (id, advertiser_id, status, granted_at, updated_at, status_reason)"
                + " values (:c, :a, 'REVOKED', now(), now(), 'DISCONNECTED_BY_OPERATOR')", connectionId, advertiserId);
        for (int i = 0; i < 2; i++) {
            execute("insert into sync_run (connection_id, reason, requested_by, started_at, finished_at, result)"
                    + " values (:c, 'SCHEDULE', 'system', now(), now(), 'SUCCEEDED')", connectionId, null);
            execute("insert into published_fact (fact_key, advertiser_id, stat_date, value_hash, event_id, published_at)"
                    + " values (:c || '|' || gen_random_uuid(), :a, current_date, 'h', gen_random_uuid()::text, now())",
                    connectionId, advertiserId);
        }
        execute("insert into sync_watermark (connection_id, stream, last_success_at) values (:c, 'campaign-daily', now())"
                + "", connectionId, null);
        execute("insert into command (command_id, fingerprint, kind, connection_id, advertiser_id, actor, dry_run,"
                + " request_event, state, requested_at, received_at, updated_at) values (gen_random_uuid()::text,"
                + " repeat('0', 64), 'campaign.update', :c, :a, 'olivia', true, '{}', 'DONE', now(), now(), now())",
                connectionId, advertiserId);
    }

    private void execute(String sql, String connectionId, String advertiserId) {
        var spec = db.sql(sql).bind("c", connectionId);
        if (advertiserId != null) {
            spec = spec.bind("a", advertiserId);
        }
        spec.fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private Map<String, Long> countsOf(String advertiserId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        ACCOUNT_TABLES.forEach((table, condition) -> {
            var spec = db.sql("select count(*) from " + table + " where " + condition);
            if (condition.contains(":c")) {
                spec = spec.bind("c", "conn-" + advertiserId);
            }
            if (condition.contains(":a")) {
                spec = spec.bind("a", advertiserId);
            }
            counts.put(table, spec.map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10)));
        });
        return counts;
    }

    private void request(String requestId, String advertiserId) {
        String connectionId = "conn-" + advertiserId;
        var data = new PrivacyRequested(requestId, connectionId, ConnectionKind.ADVERTISER, List.of(advertiserId), null,
                PrivacyRequested.Kind.ERASURE, "admin", NOW, PrivacyRequested.Reason.EXPLICIT);
        kafka.send(new ProducerRecord<>(Topics.PRIVACY_REQUESTS, connectionId,
                CODEC.encode(EventEnvelope.of("/adpulse/auth-service", connectionId, NOW, data, requestId)))).join();
    }

    private static List<EventEnvelope<PrivacyCompleted>> completions(String requestId) {
        return read(Topics.PRIVACY_COMPLETIONS, PrivacyCompleted.class, e -> e.data().requestId().equals(requestId));
    }
}
