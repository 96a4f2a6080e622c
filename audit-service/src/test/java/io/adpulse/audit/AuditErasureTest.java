package io.adpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventSamples;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit log keeps the fact of an erasure, not the erased data: an erasure request removes the payloads of the
 * account's entries but keeps the entries, the request and the confirmation, and the chain still verifies. An
 * erasure behind the service's back (no erasure request) is found by verification.
 */
class AuditErasureTest extends AuditServiceTest {

    private AuditApi api() {
        return new AuditApi(web);
    }

    @Test
    void anErasureRemovesTheAccountsPayloadsKeepsTheFactAndTheChainStillVerifies() {
        String erased = TestEvents.unique("conn-erased");
        String kept = TestEvents.unique("conn-kept");
        for (String connection : List.of(erased, kept)) {
            kafka.publish(TestEvents.sample(EventSamples.metricObserved(), connection));
            kafka.publish(TestEvents.sample(EventSamples.entityObserved(), connection));
            kafka.publish(TestEvents.connectionGranted(connection, "sealed-" + UUID.randomUUID()));
        }
        // The data is in the log long before its erasure is requested.
        kafka.awaitConsumed(Topics.METRICS, Topics.ENTITIES, Topics.CONNECTIONS);
        String requestId = "erasure-" + UUID.randomUUID();
        var request = new PrivacyRequested(requestId, erased, ConnectionKind.ADVERTISER, List.of(), null,
                PrivacyRequested.Kind.ERASURE, "dpo", EventSamples.T0, PrivacyRequested.Reason.EXPLICIT);
        kafka.publish(EventEnvelope.of("/adpulse/auth-service", erased, EventSamples.T0, request, requestId));

        JsonNode confirmation = await().atMost(Duration.ofSeconds(60)).until(() -> api()
                        .all(b -> b.queryParam("subject", erased).queryParam("type", "adpulse.privacy.completed.v1"))
                        .stream().findFirst().orElse(null),
                found -> found != null);
        assertThat(confirmation.at("/payload/data/service").asString()).isEqualTo("audit-service");
        assertThat(confirmation.at("/payload/data/deletedRows/audit_event").asLong()).isEqualTo(3);

        List<JsonNode> entries = api().all(b -> b.queryParam("subject", erased).queryParam("order", "asc"));
        JsonNode requestEntry = entries.stream()
                .filter(e -> e.get("type").asString().equals("adpulse.privacy.requested.v1")).findFirst().orElseThrow();
        assertThat(requestEntry.at("/payload/data/requestId").asString()).as("the fact of the erasure stays")
                .isEqualTo(requestId);
        List<JsonNode> data = entries.stream().filter(e -> !e.get("topic").asString().startsWith("privacy.")).toList();
        assertThat(data).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.get("payload").isNull()).isTrue();
            assertThat(entry.get("payloadEncoding").asString()).isEqualTo("NONE");
            assertThat(entry.get("erasedBy").asLong()).isEqualTo(requestEntry.get("sequence").asLong());
            assertThat(entry.get("eventId").isNull()).as("the entry itself stays").isFalse();
        });
        assertThat(api().all(b -> b.queryParam("subject", kept))).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.get("payload").isNull()).isFalse());
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void theDatabaseRefusesAnyOtherChangeAndVerificationFindsAnErasureWithoutARequest() throws Exception {
        String connection = TestEvents.unique("conn-tamper");
        kafka.publish(TestEvents.sample(EventSamples.metricObserved(), connection));
        kafka.publish(TestEvents.sample(EventSamples.metricObserved(), connection));
        kafka.awaitConsumed(Topics.METRICS);
        List<JsonNode> entries = api().all(b -> b.queryParam("subject", connection).queryParam("order", "asc"));
        assertThat(entries).hasSize(2);
        long target = entries.get(1).get("sequence").asLong();
        long notARequest = entries.get(0).get("sequence").asLong();

        String original;
        try (Connection db = Database.session();
                PreparedStatement select = db.prepareStatement("select payload from audit_event where sequence = ?")) {
            select.setLong(1, target);
            try (var rows = select.executeQuery()) {
                rows.next();
                original = rows.getString(1);
            }
        }
        try (Connection db = Database.session()) {
            assertThatThrownBy(() -> execute(db, "update audit_event set payload = null, erased_by = ?, erased_at = now(),"
                    + " subject = 'other' where sequence = ?", notARequest, target))
                    .isInstanceOf(SQLException.class).hasMessageContaining("audit_event is append-only: UPDATE");
            // Allowed by the database (it cannot tell), caught by verification: the cause is no erasure request.
            execute(db, "update audit_event set payload = null, erased_by = ?, erased_at = now() where sequence = ?",
                    notARequest, target);
        }
        JsonNode verification = api().verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(target);
        assertThat(verification.get("problem").asString()).contains("without an erasure request");
        try (Connection db = Database.tamperingSession();
                PreparedStatement restore = db.prepareStatement(
                        "update audit_event set payload = ?, erased_by = null, erased_at = null where sequence = ?")) {
            // Puts the entry back for the tests after this one.
            restore.setString(1, original);
            restore.setLong(2, target);
            restore.executeUpdate();
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    private static void execute(Connection db, String sql, long first, long second) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, first);
            statement.setLong(2, second);
            statement.executeUpdate();
        }
    }
}
