package io.adpulse.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.capture.PayloadEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHasherTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:30:01.123456Z");
    private static final Instant TIME = Instant.parse("2026-11-20T09:30:00Z");

    private static CapturedRecord record(String key, String subject, String payload) {
        return new CapturedRecord("audit.access.v1", 1, 7L, key, "e-1", "adpulse.access.recorded.v1", subject, TIME,
                "admin", "reporting", "ALLOWED", true, null, List.of(), PayloadEncoding.JSON, payload);
    }

    @Test
    void isSha256OfThePreviousHashAndTheLengthPrefixedFields() throws Exception {
        CapturedRecord r = new CapturedRecord("t", 0, 3L, null, "id", "ty", "s", null, null, null, null, false,
                "why", List.of("data.token"), PayloadEncoding.TEXT, "p");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]);
        for (String field : new String[] {"adpulse-audit-chain/v1", "5", AT.toString(), "t", "0", "3", null, "id", "ty",
                "s", null, null, null, null, "false", "why", "1", "data.token", "TEXT", "p"}) {
            if (field == null) {
                sha.update((byte) 0);
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) 1);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
        }

        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 5, AT, r)).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void isDeterministicAndLowerCaseHex() {
        String hash = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("k", "s", "{}"));

        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("k", "s", "{}")));
    }

    @Test
    void changesWithThePreviousHashTheSequenceAndEveryField() {
        String base = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("k", "s", "{}"));

        assertThat(ChainHasher.hash("1".repeat(64), 1, AT, record("k", "s", "{}"))).isNotEqualTo(base);
        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 2, AT, record("k", "s", "{}"))).isNotEqualTo(base);
        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 1, AT.plusNanos(1000), record("k", "s", "{}"))).isNotEqualTo(base);
        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("k", "s", "{ }"))).isNotEqualTo(base);
        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("k2", "s", "{}"))).isNotEqualTo(base);
    }

    @Test
    void tellsApartFieldsThatOnlyMoveTheBoundaryOrDifferInNullness() {
        String keyAb = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("ab", "c", "{}"));
        String keyA = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("a", "bc", "{}"));
        String nullKey = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record(null, "c", "{}"));
        String emptyKey = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, record("", "c", "{}"));

        assertThat(keyAb).isNotEqualTo(keyA);
        assertThat(nullKey).isNotEqualTo(emptyKey);
    }

    @Test
    void refusesAPreviousHashThatIsNotOne() {
        assertThatThrownBy(() -> ChainHasher.hash("ABC", 1, AT, record("k", "s", "{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
