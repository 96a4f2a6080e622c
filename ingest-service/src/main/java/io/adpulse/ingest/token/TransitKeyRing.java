package io.adpulse.ingest.token;

import io.adpulse.events.SealedToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The transit keys shared with auth-service, by key id. A sealed token is AES-256-GCM with a 12-byte
 * nonce and a 16-byte tag, carried as base64(nonce || ciphertext || tag), and authenticated with the
 * connection id (UTF-8) as additional data, so a token copied onto another connection does not open.
 * Every key in the ring can open tokens, so keys can rotate: auth-service seals with its newest key
 * while older ciphertexts still open here.
 */
public class TransitKeyRing {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    private final Map<String, SecretKey> keys;

    /** Parses {@code keyId:base64,keyId:base64}; fails fast, naming the offending entry but never its key. */
    public TransitKeyRing(String spec) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("transit key entry #" + (parsed.size() + 1)
                        + " is not 'keyId:base64(32 bytes)'");
            }
            String keyId = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("transit key '" + keyId + "' is not valid base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("transit key '" + keyId + "' has " + key.length
                        + " bytes; AES-256 needs " + KEY_BYTES);
            }
            if (parsed.put(keyId, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("transit key id '" + keyId + "' appears twice");
            }
        }
        this.keys = Map.copyOf(parsed);
    }

    /**
     * Opens a token sealed for {@code connectionId}.
     *
     * @throws TokenOpeningException if the key id is unknown, the ciphertext is malformed, or it does not
     *     authenticate (wrong key, or sealed for another connection)
     */
    public AccessToken open(SealedToken sealed, String connectionId) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new TokenOpeningException("token of connection " + connectionId + " is sealed with transit key '"
                    + sealed.keyId() + "', which is not in this service's key ring " + keys.keySet());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new TokenOpeningException("token of connection " + connectionId + " is not valid base64");
        }
        if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new TokenOpeningException("token of connection " + connectionId + " is too short to be sealed");
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte[] nonce = new byte[NONCE_BYTES];
            buffer.get(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new AccessToken(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new TokenOpeningException("token of connection " + connectionId + " does not authenticate under"
                    + " transit key '" + sealed.keyId() + "': wrong key, or sealed for another connection");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenOpeningException("token of connection " + connectionId + " cannot be opened: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
