package io.adpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.AccessRecorded;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventSamples;
import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** Records from the topics end up in the chain, once each, flagged when invalid, with secrets redacted. */
class AuditTrailTest extends AuditServiceTest {

    private static final Instant T1 = Instant.parse("2026-11-21T08:00:00Z");

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private MeterRegistry meters;

    private AuditApi api() {
        return new AuditApi(web);
    }

    private JsonNode entryAt(RecordMetadata sent) {
        List<JsonNode> found = api().all(b -> b.queryParam("topic", sent.topic()).queryParam("limit", "100")).stream()
                .filter(e -> e.get("partition").asInt() == sent.partition() && e.get("offset").asLong() == sent.offset())
                .toList();
        assertThat(found).as("entries for %s-%d@%d", sent.topic(), sent.partition(), sent.offset()).hasSize(1);
        return found.get(0);
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void appendsEventsFromEveryTopicInOrderAndTheChainVerifies() {
        String subject = TestEvents.unique("subject");
        for (EventEnvelope<?> sample : EventSamples.all().values()) {
            kafka.publish(TestEvents.sample(sample, subject));
        }
        String actor = TestEvents.unique("actor");
        List<RecordMetadata> accesses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accesses.add(kafka.publish(TestEvents.access(actor, "reporting", AccessRecorded.Decision.ALLOWED,
                    T1.plusSeconds(i))));
        }
        kafka.awaitConsumed(Topics.ALL.toArray(String[]::new));

        List<JsonNode> bySubject = api().all(b -> b.queryParam("subject", subject).queryParam("order", "asc"));
        assertThat(bySubject).extracting(e -> e.get("type").asString())
                .containsExactlyInAnyOrderElementsOf(EventSamples.all().keySet().stream().map(EventType::type).toList());
        assertThat(bySubject).allSatisfy(e -> {
            assertThat(e.get("valid").asBoolean()).isTrue();
            assertThat(e.get("topic").asString())
                    .isEqualTo(EventType.ofType(e.get("type").asString()).orElseThrow().topic());
        });

        List<JsonNode> byActor = api().all(b -> b.queryParam("actor", actor).queryParam("order", "asc"));
        assertThat(byActor).extracting(e -> e.get("offset").asLong())
                .as("one partition's records in their order")
                .containsExactlyElementsOf(accesses.stream().map(RecordMetadata::offset).toList());

        List<JsonNode> everything = api().all(b -> b.queryParam("order", "asc").queryParam("limit", "100"));
        Map<String, Long> lastOffset = new HashMap<>();
        JsonNode previous = null;
        for (JsonNode entry : everything) {
            String partition = entry.get("topic").asString() + "-" + entry.get("partition").asInt();
            long offset = entry.get("offset").asLong();
            assertThat(offset).as("offsets of %s rise with the sequence", partition)
                    .isGreaterThan(lastOffset.getOrDefault(partition, -1L));
            lastOffset.put(partition, offset);
            if (previous != null) {
                assertThat(entry.get("sequence").asLong()).isEqualTo(previous.get("sequence").asLong() + 1);
                assertThat(entry.get("prevHash").asString()).isEqualTo(previous.get("hash").asString());
            }
            previous = entry;
        }

        JsonNode head = api().head();
        JsonNode verification = api().verify();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(verification.get("headSequence").asLong()).isEqualTo(head.get("sequence").asLong())
                .isEqualTo(verification.get("checked").asLong())
                .isGreaterThanOrEqualTo(previous.get("sequence").asLong());
        assertThat(verification.get("headHash").asString()).isEqualTo(head.get("hash").asString());
    }

    @Test
    void anErasureIsKeptAsAFactWithItsRequesterAndNoEarlierEntryIsRemoved() {
        String subject = TestEvents.unique("erased");
        kafka.publish(TestEvents.sample(EventSamples.connectionRevoked(), subject));
        kafka.awaitConsumed(Topics.CONNECTIONS);
        long headBefore = api().head().get("sequence").asLong();

        kafka.publish(TestEvents.sample(EventSamples.privacyRequested(), subject));
        kafka.publish(TestEvents.sample(EventSamples.privacyCompleted(), subject));
        kafka.awaitConsumed(Topics.PRIVACY_REQUESTS, Topics.PRIVACY_COMPLETIONS);

        List<JsonNode> entries = api().all(b -> b.queryParam("subject", subject).queryParam("order", "asc"));
        assertThat(entries).extracting(e -> e.get("type").asString()).containsExactly(
                "adpulse.connections.revoked.v1", "adpulse.privacy.requested.v1", "adpulse.privacy.completed.v1");
        assertThat(entries.get(1).get("actor").asString()).isEqualTo("admin");
        assertThat(entries.get(2).at("/payload/data/deletedRows/metric_daily").asLong()).isEqualTo(42);
        assertThat(api().head().get("sequence").asLong()).isGreaterThanOrEqualTo(headBefore + 2);
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void redeliveredRecordsAreNotAppendedAgain() throws Exception {
        String actor = TestEvents.unique("redelivered");
        RecordMetadata first = kafka.publish(TestEvents.access(actor, "auth", AccessRecorded.Decision.DENIED, T1));
        kafka.publish(TestEvents.access(actor, "auth", AccessRecorded.Decision.ALLOWED, T1.plusSeconds(1)));
        kafka.awaitConsumed(Topics.AUDIT_ACCESS);
        long headBefore = api().head().get("sequence").asLong();
        double duplicatesBefore = counter("adpulse.audit.duplicates", "topic", Topics.AUDIT_ACCESS);

        MessageListenerContainer intake = listeners.getListenerContainer("audit-intake");
        assertThat(intake).isNotNull();
        intake.stop();
        try {
            kafka.rewind(new TopicPartition(first.topic(), first.partition()), first.offset());
        } finally {
            intake.start();
        }
        kafka.awaitConsumed(Topics.AUDIT_ACCESS);

        assertThat(api().all(b -> b.queryParam("actor", actor))).hasSize(2);
        assertThat(api().head().get("sequence").asLong()).isEqualTo(headBefore);
        assertThat(counter("adpulse.audit.duplicates", "topic", Topics.AUDIT_ACCESS))
                .isGreaterThanOrEqualTo(duplicatesBefore + 2);
    }

    @Test
    void invalidRecordsAreAppendedFlaggedWithTheReasonAndNeverDeadLettered() throws Exception {
        String key = TestEvents.unique("invalid");
        RecordMetadata garbage = kafka.publish(Topics.METRICS, key,
                "{\"this\": \"is not a CloudEvent\"".getBytes(StandardCharsets.UTF_8));
        RecordMetadata misrouted = kafka.publish(Topics.METRICS, key,
                new EventCodec().encode(TestEvents.sample(EventSamples.entityObserved(), key)));
        RecordMetadata strayTombstone = kafka.publish(Topics.METRICS, key, null);
        RecordMetadata tombstone = kafka.publish(Topics.CONNECTIONS, key, null);
        kafka.awaitConsumed(Topics.METRICS, Topics.CONNECTIONS);

        JsonNode garbageEntry = entryAt(garbage);
        assertThat(garbageEntry.get("valid").asBoolean()).isFalse();
        assertThat(garbageEntry.get("invalidReason").asString()).startsWith("not a CloudEvents 1.0 JSON event");
        assertThat(garbageEntry.get("payloadEncoding").asString()).isEqualTo("TEXT");
        assertThat(garbageEntry.get("payload").asString()).isEqualTo("{\"this\": \"is not a CloudEvent\"");
        assertThat(garbageEntry.get("key").asString()).isEqualTo(key);

        JsonNode misroutedEntry = entryAt(misrouted);
        assertThat(misroutedEntry.get("valid").asBoolean()).isFalse();
        assertThat(misroutedEntry.get("invalidReason").asString()).contains("belongs on tiktok.entities.v1");
        assertThat(misroutedEntry.get("type").asString()).isEqualTo("adpulse.entities.observed.v1");
        assertThat(misroutedEntry.at("/payload/data/entityId").asString()).isEqualTo("1800000000000000001");

        assertThat(entryAt(strayTombstone).get("valid").asBoolean()).isFalse();
        JsonNode tombstoneEntry = entryAt(tombstone);
        assertThat(tombstoneEntry.get("valid").asBoolean()).isTrue();
        assertThat(tombstoneEntry.get("payloadEncoding").asString()).isEqualTo("NONE");
        assertThat(tombstoneEntry.get("payload").isNull()).isTrue();

        for (String topic : Topics.ALL) {
            assertThat(kafka.size(Topics.deadLetter(topic))).as("records on %s", Topics.deadLetter(topic)).isZero();
        }
        assertThat(counter("adpulse.audit.appended", "topic", Topics.METRICS, "valid", "false")).isGreaterThanOrEqualTo(3);
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void secretFieldsAreRedactedBeforeStoringAndHashing() throws Exception {
        String connectionId = TestEvents.unique("conn");
        String ciphertext = "c2VhbGVkLXRva2VuLW9mLXRlc3Q=" + connectionId.substring(5, 13);
        kafka.publish(TestEvents.connectionGranted(connectionId, ciphertext));
        kafka.awaitConsumed(Topics.CONNECTIONS);

        List<JsonNode> entries = api().all(b -> b.queryParam("subject", connectionId));
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("valid").asBoolean()).isTrue();
        assertThat(entry.get("actor").asString()).isEqualTo("operator-ann");
        assertThat(entry.get("redactedFields")).extracting(JsonNode::asString).containsExactly("data.accessToken");
        assertThat(entry.at("/payload/data/accessToken").asString()).isEqualTo("[REDACTED]");
        assertThat(entry.at("/payload/data/connectionId").asString()).isEqualTo(connectionId);
        assertThat(entry.toString()).doesNotContain(ciphertext);

        try (Connection db = Database.session();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from audit_event where payload like ? or invalid_reason like ?")) {
            query.setString(1, "%" + ciphertext + "%");
            query.setString(2, "%" + ciphertext + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void accessRecordsCarryActorRouteAndDecision() {
        String actor = TestEvents.unique("operator");
        kafka.publish(TestEvents.access(actor, "alerting", AccessRecorded.Decision.DENIED, T1));
        kafka.awaitConsumed(Topics.AUDIT_ACCESS);

        List<JsonNode> entries = api().all(b -> b.queryParam("type", "adpulse.access.recorded.v1").queryParam("actor", actor));

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("route").asString()).isEqualTo("alerting");
        assertThat(entries.get(0).get("decision").asString()).isEqualTo("DENIED");
        assertThat(entries.get(0).at("/payload/data/status").asInt()).isEqualTo(403);
        assertThat(entries.get(0).propertyNames()).contains("sequence", "recordedAt", "eventId", "time", "prevHash",
                "hash");
    }

    @Test
    void exposesAppendMetricsForPrometheus() {
        kafka.publish(TestEvents.access(TestEvents.unique("metered"), "reporting", AccessRecorded.Decision.ALLOWED, T1));
        kafka.awaitConsumed(Topics.AUDIT_ACCESS);

        web.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("adpulse_audit_appended_total{topic=\"audit.access.v1\",valid=\"true\"}")
                        .contains("adpulse_audit_append_seconds_count{outcome=\"committed\"}")
                        .contains("adpulse_audit_chain_head "));
    }
}
