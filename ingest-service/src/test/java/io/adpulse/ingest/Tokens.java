package io.adpulse.ingest;

import io.adpulse.events.SealedToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Seals tokens the way auth-service does, with plain javax.crypto, so tests do not trust the code under test. */
final class Tokens {

    static final String DEV_KEY_ID = "dev-transit-1";
    static final String DEV_KEY = "ZGV2LXRyYW5zaXQta2V5LTAxMjM0NTY3ODlhYmNkZWY=";
    static final String OTHER_KEY = "b3RoZXItdHJhbnNpdC1rZXktMDEyMzQ1Njc4OWFiY2Q=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** AES-256-GCM, 12-byte nonce, 128-bit tag, AAD = connection id; base64(nonce || ciphertext || tag). */
    static SealedToken seal(String token, String connectionId, String keyId, String base64Key) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, nonce));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return new SealedToken(keyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static SealedToken sealWithDevKey(String token, String connectionId) {
        return seal(token, connectionId, DEV_KEY_ID, DEV_KEY);
    }
}
