package io.adpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.events.AccessRecorded;
import io.adpulse.events.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The database refuses changes to the log, and changes made behind its back (triggers off, as a superuser
 * could) are found by verification at the right sequence. Each test puts the row back, so the chain holds
 * again for the tests after it.
 */
class TamperEvidenceTest extends AuditServiceTest {

    private static final Instant T1 = Instant.parse("2026-11-22T10:00:00Z");

    private AuditApi api() {
        return new AuditApi(web);
    }

    /** Publishes access records for a fresh actor and returns their entries, oldest first. */
    private List<JsonNode> appendEntries(int count) {
        String actor = TestEvents.unique("tamper");
        for (int i = 0; i < count; i++) {
            kafka.publish(TestEvents.access(actor, "audit", AccessRecorded.Decision.ALLOWED, T1.plusSeconds(i)));
        }
        kafka.awaitConsumed(Topics.AUDIT_ACCESS);
        List<JsonNode> entries = api().all(b -> b.queryParam("actor", actor).queryParam("order", "asc"));
        assertThat(entries).hasSize(count);
        return entries;
    }

    private static void execute(Connection db, String sql, long sequence) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, sequence);
            statement.executeUpdate();
        }
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() throws Exception {
        long sequence = appendEntries(1).get(0).get("sequence").asLong();

        try (Connection db = Database.session()) {
            assertThatThrownBy(() -> execute(db, "update audit_event set payload = '{}' where sequence = ?", sequence))
                    .isInstanceOf(SQLException.class).hasMessageContaining("audit_event is append-only: UPDATE is not allowed");
            assertThatThrownBy(() -> execute(db, "delete from audit_event where sequence = ?", sequence))
                    .isInstanceOf(SQLException.class).hasMessageContaining("audit_event is append-only: DELETE is not allowed");
            try (Statement statement = db.createStatement()) {
                assertThatThrownBy(() -> statement.execute("truncate audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("TRUNCATE is not allowed");
                assertThatThrownBy(() -> statement.execute("update audit_chain_head set sequence = 0, hash = repeat('0', 64)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("cannot move back");
                assertThatThrownBy(() -> statement.execute("delete from audit_chain_head"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE is not allowed");
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anAlteredPayloadIsFoundAtItsSequence() throws Exception {
        List<JsonNode> entries = appendEntries(3);
        long altered = entries.get(1).get("sequence").asLong();
        assertThat(api().verify().get("valid").asBoolean()).isTrue();

        try (Connection db = Database.tamperingSession()) {
            execute(db, "update audit_event set payload = replace(payload, '\"ALLOWED\"', '\"DENIED\"') where sequence = ?",
                    altered);
            try {
                JsonNode verification = api().verify();
                assertThat(verification.get("valid").asBoolean()).isFalse();
                assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(altered);
                assertThat(verification.get("checked").asLong()).isEqualTo(altered - 1);
                assertThat(verification.get("problem").asString()).contains("contents were altered");
            } finally {
                execute(db, "update audit_event set payload = replace(payload, '\"DENIED\"', '\"ALLOWED\"') where sequence = ?",
                        altered);
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anAlteredColumnOtherThanThePayloadIsFoundToo() throws Exception {
        long altered = appendEntries(1).get(0).get("sequence").asLong();

        try (Connection db = Database.tamperingSession()) {
            execute(db, "update audit_event set actor = 'someone-else', valid = false, invalid_reason = 'x' where sequence = ?",
                    altered);
            try {
                assertThat(api().verify().get("firstBrokenSequence").asLong()).isEqualTo(altered);
            } finally {
                execute(db, "update audit_event set actor = (payload::jsonb #>> '{data,actor}'), valid = true, "
                        + "invalid_reason = null where sequence = ?", altered);
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aRemovedEntryIsFoundMissingAtItsSequence() throws Exception {
        long removed = appendEntries(2).get(0).get("sequence").asLong();

        try (Connection db = Database.tamperingSession()) {
            try (Statement statement = db.createStatement()) {
                statement.execute("create temporary table removed_entry as select * from audit_event where sequence = "
                        + removed);
            }
            execute(db, "delete from audit_event where sequence = ?", removed);
            try {
                JsonNode verification = api().verify();
                assertThat(verification.get("valid").asBoolean()).isFalse();
                assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(removed);
                assertThat(verification.get("problem").asString()).isEqualTo("entry " + removed + " is missing");
            } finally {
                try (Statement statement = db.createStatement()) {
                    statement.execute("insert into audit_event select * from removed_entry");
                }
            }
        }
        assertThat(api().verify().get("valid").asBoolean()).isTrue();
    }
}
