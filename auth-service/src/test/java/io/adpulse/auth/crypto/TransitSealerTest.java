package io.adpulse.auth.crypto;

import static io.adpulse.auth.crypto.EnvelopeCipherTest.base64Key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.events.SealedToken;
import io.adpulse.events.TransitCipher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Opens sealed tokens the way ingest-service does: AES-256-GCM, nonce || ciphertext || tag, AAD = connection id. */
class TransitSealerTest {

    private static final String SETTING = "transit-b:" + base64Key(9) + ",transit-a:" + base64Key(8);
    /** Auth-service's own key ring and AES-GCM, to open independently of what sealed. */
    private final KeyRing transitKeys = KeyRing.parse("ADPULSE_TRANSIT_KEYS", SETTING);
    private final TransitSealer sealer = new TransitSealer(TransitCipher.parse(SETTING));

    @Test
    void sealsUnderTheActiveTransitKeyBoundToTheConnection() {
        SealedToken sealed = sealer.seal("act.secret-token", "adv-42");

        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] opened = AesGcm.open(AesGcm.key(Base64.getDecoder().decode(base64Key(9))), bytes,
                "adv-42".getBytes(StandardCharsets.UTF_8));

        assertThat(sealed.keyId()).isEqualTo("transit-b");
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo("act.secret-token");
        assertThat(bytes).hasSize(AesGcm.NONCE_BYTES + "act.secret-token".length() + 16);
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
    }

    @Test
    void aSealedTokenDoesNotOpenForAnotherConnection() {
        SealedToken sealed = sealer.seal("act.secret-token", "adv-42");

        assertThatThrownBy(() -> AesGcm.open(transitKeys.key(sealed.keyId()),
                Base64.getDecoder().decode(sealed.ciphertext()), "adv-43".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoException.class);
    }
}
