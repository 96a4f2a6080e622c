package io.adpulse.auth.crypto;

import io.adpulse.events.SealedToken;
import io.adpulse.events.TransitCipher;

/**
 * Seals access tokens for {@code tiktok.connections.v1} with the transit keys ({@code ADPULSE_TRANSIT_KEYS}, shared
 * with ingest-service and the gateway): {@link TransitCipher}, the one implementation of the format that ingest-service
 * opens, with the connection id as associated data, so a sealed token copied into another connection's event does not
 * open. The result is {@code SealedToken(keyId, base64(nonce || ciphertext || tag))} under the first key.
 */
public final class TransitSealer {

    private final TransitCipher transitKeys;

    public TransitSealer(TransitCipher transitKeys) {
        this.transitKeys = transitKeys;
    }

    /** Seals {@code token} for the connection {@code connectionId}. */
    public SealedToken seal(String token, String connectionId) {
        return transitKeys.seal(token, connectionId);
    }
}
