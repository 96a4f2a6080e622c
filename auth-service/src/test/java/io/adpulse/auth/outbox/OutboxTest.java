package io.adpulse.auth.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.support.TestDatabase;
import io.adpulse.testsupport.EmbeddedPostgresServer;
import io.adpulse.testsupport.SharedInfrastructure;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated("auth_repository_test");
    private static final EventCodec CODEC = new EventCodec();

    private final Outbox outbox = new Outbox(DATABASE.client(), CODEC, Clock.systemUTC());

    @Test
    void keepsEachEventOnceAndListsPendingOnesInCommitOrder() {
        EventEnvelope<ConnectionRevoked> first = revoked("adv-1", 1);
        EventEnvelope<ConnectionRevoked> second = revoked("adv-2", 1);

        outbox.append(first).then(outbox.append(second)).then(outbox.append(first)).block();

        List<OutboxEntry> pending = pendingOf(first, second);
        assertThat(pending).extracting(OutboxEntry::eventId).containsExactly(first.id(), second.id());
        assertThat(pending.get(0).topic()).isEqualTo(Topics.CONNECTIONS);
        assertThat(pending.get(0).key()).isEqualTo(first.subject());
        assertThat(CODEC.decode(pending.get(0).payload())).isEqualTo(first);
    }

    @Test
    void publishedEntriesAreNoLongerPending() {
        EventEnvelope<ConnectionRevoked> event = revoked("adv-3", 1);
        outbox.append(event).block();
        OutboxEntry entry = pendingOf(event).get(0);

        outbox.markPublished(entry.seq()).block();

        assertThat(pendingOf(event)).isEmpty();
    }

    @Test
    void theRelayLockIsRefusedWhileAnotherTransactionHoldsIt() throws SQLException {
        EmbeddedPostgresServer postgres = SharedInfrastructure.postgres();
        try (Connection other = DriverManager.getConnection(postgres.jdbcUrl("auth_repository_test"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + Outbox.RELAY_LOCK + ")");
            }

            assertThat(DATABASE.transactions().transactional(outbox.tryLockRelay()).block()).isFalse();

            other.rollback();
        }
        assertThat(DATABASE.transactions().transactional(outbox.tryLockRelay()).block()).isTrue();
    }

    private List<OutboxEntry> pendingOf(EventEnvelope<?>... events) {
        List<String> ids = java.util.Arrays.stream(events).map(EventEnvelope::id).toList();
        return outbox.pending(1000).filter(entry -> ids.contains(entry.eventId())).collectList().block();
    }

    private static EventEnvelope<ConnectionRevoked> revoked(String prefix, long revision) {
        String id = prefix + "-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-20T09:30:00Z");
        return EventEnvelope.of("/adpulse/auth-service", id, at,
                new ConnectionRevoked(id, "7002238017842757633", "DISCONNECTED_BY_OPERATOR", "alice", at),
                id, "revoked", revision);
    }
}
