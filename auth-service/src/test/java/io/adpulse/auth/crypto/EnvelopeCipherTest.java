package io.adpulse.auth.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

    static final String OLD_KEY = "k-2026-01:" + base64Key(1);
    static final String NEW_KEY = "k-2026-07:" + base64Key(2);
    static final String TOKEN = "act.4f9a1c0e7b2d8e6f5a3c1b9d7e5f3a1c";

    private final EnvelopeCipher cipher = cipher(OLD_KEY);

    @Test
    void decryptsWhatItEncryptedForTheSameContext() {
        EncryptedSecret secret = cipher.encrypt(TOKEN, "adv-1/ACCESS");

        assertThat(cipher.decrypt(secret, "adv-1/ACCESS")).isEqualTo(TOKEN);
        assertThat(secret.keyId()).isEqualTo("k-2026-01");
    }

    @Test
    void neitherLayerContainsThePlaintextAndEachEncryptionUsesFreshRandomness() {
        EncryptedSecret first = cipher.encrypt(TOKEN, "adv-1/ACCESS");
        EncryptedSecret second = cipher.encrypt(TOKEN, "adv-1/ACCESS");

        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
        assertThat(first.ciphertext()).hasSize(AesGcm.NONCE_BYTES + TOKEN.length() + 16);
    }

    @Test
    void refusesToDecryptUnderAnotherContext() {
        EncryptedSecret secret = cipher.encrypt(TOKEN, "adv-1/ACCESS");

        assertThatThrownBy(() -> cipher.decrypt(secret, "adv-2/ACCESS"))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void detectsATamperedCiphertext() {
        EncryptedSecret secret = cipher.encrypt(TOKEN, "adv-1/ACCESS");
        byte[] tampered = secret.ciphertext().clone();
        tampered[tampered.length - 20] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(secret.keyId(), secret.wrappedKey(), tampered),
                "adv-1/ACCESS")).isInstanceOf(CryptoException.class);
    }

    @Test
    void detectsATamperedWrappedKey() {
        EncryptedSecret secret = cipher.encrypt(TOKEN, "adv-1/ACCESS");
        byte[] tampered = secret.wrappedKey().clone();
        tampered[AesGcm.NONCE_BYTES] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(secret.keyId(), tampered, secret.ciphertext()),
                "adv-1/ACCESS"))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("k-2026-01");
    }

    @Test
    void failsClearlyForAnUnknownKeyId() {
        EncryptedSecret secret = cipher(NEW_KEY).encrypt(TOKEN, "adv-1/ACCESS");

        assertThatThrownBy(() -> cipher.decrypt(secret, "adv-1/ACCESS"))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("unknown key id 'k-2026-07'")
                .hasMessageContaining("[k-2026-01]");
    }

    @Test
    void afterRotationOldCiphertextStillOpensAndNewOnesUseTheNewKey() {
        EncryptedSecret beforeRotation = cipher.encrypt(TOKEN, "adv-1/ACCESS");
        EnvelopeCipher rotated = cipher(NEW_KEY + "," + OLD_KEY);

        EncryptedSecret afterRotation = rotated.encrypt(TOKEN, "adv-1/ACCESS");

        assertThat(rotated.decrypt(beforeRotation, "adv-1/ACCESS")).isEqualTo(TOKEN);
        assertThat(afterRotation.keyId()).isEqualTo("k-2026-07");
        assertThat(rotated.decrypt(afterRotation, "adv-1/ACCESS")).isEqualTo(TOKEN);
        assertThatThrownBy(() -> cipher.decrypt(afterRotation, "adv-1/ACCESS")).isInstanceOf(CryptoException.class);
    }

    static EnvelopeCipher cipher(String keys) {
        return new EnvelopeCipher(new KeyRingKeyProvider(KeyRing.parse("test keys", keys)));
    }

    static String base64Key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
