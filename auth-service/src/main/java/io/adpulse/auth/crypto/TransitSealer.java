package io.adpulse.auth.crypto;

import io.adpulse.events.SealedToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Seals access tokens for {@code tiktok.connections.v1}: AES-256-GCM directly under the active
 * transit key ({@code ADPULSE_TRANSIT_KEYS}, shared with ingest-service), associated data = the
 * connection id, so a sealed token copied into another connection's event does not open. The
 * result is {@code SealedToken(keyId, base64(nonce || ciphertext || tag))}.
 */
public final class TransitSealer {

    private final KeyRing transitKeys;

    public TransitSealer(KeyRing transitKeys) {
        this.transitKeys = transitKeys;
    }

    /** Seals {@code token} for the connection {@code connectionId}. */
    public SealedToken seal(String token, String connectionId) {
        byte[] sealed = AesGcm.seal(transitKeys.activeKey(), token.getBytes(StandardCharsets.UTF_8),
                connectionId.getBytes(StandardCharsets.UTF_8));
        return new SealedToken(transitKeys.activeKeyId(), Base64.getEncoder().encodeToString(sealed));
    }
}
