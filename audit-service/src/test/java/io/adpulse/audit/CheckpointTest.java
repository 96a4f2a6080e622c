package io.adpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.chain.AccessLogRetention;
import io.adpulse.audit.chain.ChainEntry;
import io.adpulse.audit.chain.ChainHasher;
import io.adpulse.audit.chain.ChainRows;
import io.adpulse.audit.chain.Checkpoint;
import io.adpulse.audit.chain.Checkpoints;
import io.adpulse.audit.intake.CheckpointPublisher;
import io.adpulse.events.AccessRecorded;
import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * Checkpoints of the chain (stored, published on {@code audit.checkpoints.v1}, and checked by verification) and the
 * access-log retention that prunes old access entries under a checkpoint. Tampering tests put every row back, so the
 * chain holds again for the tests after them.
 */
class CheckpointTest extends AuditServiceTest {

    private static final Instant T1 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    Checkpoints checkpoints;
    @Autowired
    CheckpointPublisher publisher;
    @Autowired
    AccessLogRetention retention;
    @Autowired
    DatabaseClient db;

    private AuditApi api() {
        return new AuditApi(web);
    }

    /** Publishes access records for a fresh actor and returns their entries, oldest first. */
    private List<JsonNode> appendAccesses(int count) {
        String actor = TestEvents.unique("checkpoint");
        for (int i = 0; i < count; i++) {
            kafka.publish(TestEvents.access(actor, "audit", AccessRecorded.Decision.ALLOWED, T1.plusSeconds(i)));
        }
        kafka.awaitConsumed(Topics.AUDIT_ACCESS);
        List<JsonNode> entries = api().all(b -> b.queryParam("actor", actor).queryParam("order", "asc"));
        assertThat(entries).hasSize(count);
        return entries;
    }

    private Checkpoint checkpointNow() {
        Checkpoint checkpoint = checkpoints.record().block(TIMEOUT);
        assertThat(checkpoint).as("a checkpoint of a chain that grew").isNotNull();
        return checkpoint;
    }

    @Test
    void aCheckpointCommitsToTheHeadIsPublishedAndAppendedOnce() {
        long last = appendAccesses(2).get(1).get("sequence").asLong();
        Checkpoint checkpoint = checkpointNow();

        JsonNode head = api().head();
        assertThat(checkpoint.sequence()).isEqualTo(head.get("sequence").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(checkpoint.headHash()).isEqualTo(head.get("hash").asString());
        assertThat(checkpoint.entries()).isEqualTo(checkpoint.sequence() - checkpoint.previousSequence());
        assertThat(checkpoint.checkpointHash()).isEqualTo(ChainHasher.checkpointHash(checkpoint.sequence(),
                checkpoint.headHash(), checkpoint.entries(), checkpoint.checkpointedAt(),
                checkpoint.previousSequence(), checkpoint.previousCheckpointHash()));
        assertThat(checkpoints.record().blockOptional(TIMEOUT)).as("nothing new since the checkpoint").isEmpty();

        assertThat(publisher.publishPending(TIMEOUT).block(TIMEOUT)).isGreaterThanOrEqualTo(1);
        assertThat(publisher.publishPending(TIMEOUT).block(TIMEOUT)).as("published once").isZero();
        kafka.awaitConsumed(Topics.AUDIT_CHECKPOINTS);
        List<JsonNode> published = api().all(b -> b.queryParam("topic", Topics.AUDIT_CHECKPOINTS))
                .stream().filter(e -> e.at("/payload/data/sequence").asLong() == checkpoint.sequence()).toList();
        assertThat(published).hasSize(1);
        JsonNode entry = published.get(0);
        assertThat(entry.get("valid").asBoolean()).isTrue();
        assertThat(entry.get("type").asString()).isEqualTo(EventType.AUDIT_CHECKPOINTED.type());
        assertThat(entry.get("key").asString()).isEqualTo(Checkpoints.KEY);
        assertThat(entry.at("/payload/data/headHash").asString()).isEqualTo(checkpoint.headHash());
        assertThat(entry.at("/payload/data/checkpointHash").asString()).isEqualTo(checkpoint.checkpointHash());
        assertThat(checkpoints.record().blockOptional(TIMEOUT))
                .as("the checkpoint's own entry does not call for another checkpoint").isEmpty();

        JsonNode listed = web.get().uri("/api/audit/checkpoints?limit=1").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listed.get(0).get("sequence").asLong()).isEqualTo(checkpoint.sequence());
        assertThat(listed.get(0).get("publishedAt").isNull()).isFalse();
        web.get().uri("/api/audit/checkpoints?limit=0").exchange().expectStatus().isBadRequest();

        JsonNode verification = api().verify();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("checkpoints").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(verification.get("lastCheckpointSequence").asLong()).isEqualTo(checkpoint.sequence());
    }

    @Test
    void aChainRewrittenConsistentlyAfterACheckpointIsFoundAgainstIt() throws Exception {
        appendAccesses(2);
        Checkpoint checkpoint = checkpointNow();
        long forged = checkpoint.sequence();
        assertThat(api().head().get("sequence").asLong()).isEqualTo(forged);
        ChainEntry entry = db.sql("select " + ChainRows.READ_COLUMNS + " from audit_event where sequence = :s")
                .bind("s", forged).map(ChainRows::entry).one().block(TIMEOUT);
        CapturedRecord r = entry.record();
        CapturedRecord edited = new CapturedRecord(r.topic(), r.partition(), r.offset(), r.key(), r.eventId(),
                r.eventType(), r.subject(), r.eventTime(), "someone-else", r.route(), r.decision(), r.valid(),
                r.invalidReason(), r.redactedFields(), r.payloadEncoding(), r.payload());
        String forgedHash = ChainHasher.hashV2(entry.prevHash(), forged, entry.recordedAt(), edited,
                entry.storedEncoding().name(), entry.payloadDigest());

        try (Connection sql = Database.tamperingSession()) {
            // The entry, its hash and the head all agree: only the checkpoint still knows the old hash.
            update(sql, "update audit_event set actor = 'someone-else', hash = ? where sequence = ?", forgedHash, forged);
            update(sql, "update audit_chain_head set hash = ? where sequence = ?", forgedHash, forged);
            try {
                JsonNode verification = api().verify();
                assertThat(verification.get("valid").asBoolean()).isFalse();
                assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(forged);
                assertThat(verification.get("brokenCheckpointSequence").asLong()).isEqualTo(forged);
                assertThat(verification.get("problem").asString())
                        .contains("does not have the hash checkpoint " + forged + " recorded").contains("rewritten");
            } finally {
                update(sql, "update audit_event set actor = ?, hash = ? where sequence = ?", r.actor(), entry.hash(),
                        forged);
                update(sql, "update audit_chain_head set hash = ? where sequence = ?", entry.hash(), forged);
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anAlteredCheckpointIsFound() throws Exception {
        appendAccesses(1);
        Checkpoint checkpoint = checkpointNow();
        try (Connection sql = Database.tamperingSession()) {
            update(sql, "update audit_checkpoint set entries = entries + 1 where sequence = ?", checkpoint.sequence());
            try {
                JsonNode verification = api().verify();
                assertThat(verification.get("valid").asBoolean()).isFalse();
                assertThat(verification.get("brokenCheckpointSequence").asLong()).isEqualTo(checkpoint.sequence());
                assertThat(verification.get("problem").asString())
                        .isEqualTo("checkpoint " + checkpoint.sequence() + " does not match its own hash: it was altered");
            } finally {
                update(sql, "update audit_checkpoint set entries = entries - 1 where sequence = ?", checkpoint.sequence());
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
        try (Connection sql = Database.session()) {
            assertThatThrownBy(() -> update(sql, "delete from audit_checkpoint where sequence = ?", checkpoint.sequence()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("audit_checkpoint is append-only");
        }
    }

    @Test
    void oldAccessEntriesUnderACheckpointArePrunedToStubsAndTheChainStillVerifies() throws Exception {
        List<JsonNode> old = appendAccesses(3);
        String subject = TestEvents.unique("conn");
        kafka.publish(TestEvents.connectionGranted(subject, "c2VhbGVk"));
        kafka.awaitConsumed(Topics.CONNECTIONS);
        Checkpoint checkpoint = checkpointNow();
        long recent = appendAccesses(1).get(0).get("sequence").asLong();
        assertThat(recent).isGreaterThan(checkpoint.sequence());

        try (Connection sql = Database.session()) {
            assertThatThrownBy(() -> update(sql, "update audit_event set actor = null, payload = null, "
                    + "payload_encoding = 'NONE', payload_digest = null, record_key = null, event_id = null, "
                    + "subject = null, event_time = null, route = null, decision = null, pruned_at = now() "
                    + "where sequence = ?", recent))
                    .as("an entry after the latest checkpoint cannot be pruned").isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }

        long pruned = retention.prune(Instant.now(), 100_000).block(TIMEOUT);
        assertThat(pruned).isGreaterThanOrEqualTo(old.size());

        try (Connection sql = Database.session()) {
            for (JsonNode entry : old) {
                long sequence = entry.get("sequence").asLong();
                assertThat(row(sql, "select actor, route, payload, payload_digest, record_key, subject from audit_event "
                        + "where sequence = ?", sequence)).containsOnlyNulls();
                assertThat(row(sql, "select hash, prev_hash, topic from audit_event where sequence = ?", sequence))
                        .containsExactly(entry.get("hash").asString(), entry.get("prevHash").asString(),
                                Topics.AUDIT_ACCESS);
            }
            assertThat(row(sql, "select actor, pruned_at from audit_event where sequence = ?", recent).get(1))
                    .as("after the checkpoint: kept").isNull();
            assertThat(row(sql, "select count(*) from audit_event where subject = ? and payload is not null "
                    + "and pruned_at is null", subject)).containsExactly("1");
        }
        JsonNode stub = api().all(b -> b.queryParam("topic", Topics.AUDIT_ACCESS).queryParam("order", "asc")).stream()
                .filter(e -> e.get("sequence").asLong() == old.get(0).get("sequence").asLong()).findFirst().orElseThrow();
        assertThat(stub.get("prunedAt").isNull()).isFalse();
        assertThat(stub.get("actor").isNull()).isTrue();

        JsonNode verification = api().verify();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("pruned").asLong()).isGreaterThanOrEqualTo(old.size());

        long tampered = old.get(1).get("sequence").asLong();
        try (Connection sql = Database.tamperingSession()) {
            update(sql, "update audit_event set hash = repeat('a', 64) where sequence = ?", tampered);
            try {
                JsonNode broken = api().verify();
                assertThat(broken.get("valid").asBoolean()).isFalse();
                assertThat(broken.get("firstBrokenSequence").asLong()).isEqualTo(tampered + 1);
                assertThat(broken.get("problem").asString()).contains("does not link to the hash of the entry before it");
            } finally {
                update(sql, "update audit_event set hash = ? where sequence = ?", old.get(1).get("hash").asString(),
                        tampered);
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    private static void update(Connection sql, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement update = sql.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    private static List<String> row(Connection sql, String query, long sequence) throws SQLException {
        return row(sql, query, (Object) sequence);
    }

    private static List<String> row(Connection sql, String query, Object parameter) throws SQLException {
        try (PreparedStatement select = sql.prepareStatement(query)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("a row for " + parameter).isTrue();
                int columns = rows.getMetaData().getColumnCount();
                java.util.ArrayList<String> values = new java.util.ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getString(i));
                }
                return values;
            }
        }
    }
}
