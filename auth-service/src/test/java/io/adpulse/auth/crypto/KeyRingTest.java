package io.adpulse.auth.crypto;

import static io.adpulse.auth.crypto.EnvelopeCipherTest.base64Key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    @Test
    void firstKeyIsActiveAndEveryKeyIsKnown() {
        KeyRing ring = KeyRing.parse("ADPULSE_TOKEN_KEYS", "new:" + base64Key(1) + ", old:" + base64Key(2));

        assertThat(ring.activeKeyId()).isEqualTo("new");
        assertThat(ring.keyIds()).containsExactly("new", "old");
        assertThat(ring.key("old").getEncoded()).containsOnly(2);
    }

    @Test
    void rejectsAKeyThatIsNotThirtyTwoBytesWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyRing.parse("ADPULSE_TOKEN_KEYS", "k1:" + shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ADPULSE_TOKEN_KEYS entry 1 (k1): key has 16 bytes, expected 32")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void rejectsMalformedEntries() {
        assertThatThrownBy(() -> KeyRing.parse("S", "")).hasMessageContaining("S is empty");
        assertThatThrownBy(() -> KeyRing.parse("S", base64Key(1))).hasMessageContaining("no ':'");
        assertThatThrownBy(() -> KeyRing.parse("S", "k1:not base64!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> KeyRing.parse("S", "bad id:" + base64Key(1))).hasMessageContaining("key id");
        assertThatThrownBy(() -> KeyRing.parse("S", "k1:" + base64Key(1) + ",k1:" + base64Key(2)))
                .hasMessageContaining("entry 2: key id k1 appears twice");
    }

    @Test
    void toStringShowsIdsOnly() {
        KeyRing ring = KeyRing.parse("S", "k1:" + base64Key(7));

        assertThat(ring.toString()).isEqualTo("KeyRing[active=k1, keyIds=[k1]]");
    }
}
