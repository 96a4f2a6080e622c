package io.adpulse.ingest.token;

import io.adpulse.events.SealedToken;
import io.adpulse.events.TransitCipher;

/**
 * The transit keys shared with auth-service and the gateway ({@link TransitCipher}). A connection's token is sealed
 * with the connection id as additional data, so a token copied onto another connection does not open; a secret
 * command parameter (a creator's Spark Ads code) is sealed by the gateway with the command id. Every key in the ring
 * opens, so keys can rotate: the sealing side uses its first key while older ciphertexts still open here.
 */
public class TransitKeyRing {

    private final TransitCipher cipher;

    /** Parses {@code keyId:base64,keyId:base64}; fails fast, naming the offending entry but never its key. */
    public TransitKeyRing(String spec) {
        this.cipher = TransitCipher.parse(spec);
    }

    /**
     * Opens a token sealed for {@code connectionId}.
     *
     * @throws TokenOpeningException if the key id is unknown, the ciphertext is malformed, or it does not
     *     authenticate (wrong key, or sealed for another connection)
     */
    public AccessToken open(SealedToken sealed, String connectionId) {
        try {
            return new AccessToken(cipher.open(sealed, connectionId, "token of connection " + connectionId,
                    "connection"));
        } catch (TransitCipher.NotOpened e) {
            throw new TokenOpeningException(e.getMessage(), e.getCause());
        }
    }

    /**
     * Opens parameter {@code name} of command {@code commandId}, sealed by the gateway for that command.
     *
     * @throws TransitCipher.NotOpened as {@link #open}, naming the parameter and the command
     */
    public String openParameter(SealedToken sealed, String name, String commandId) {
        return cipher.open(sealed, commandId, "parameter '" + name + "' of command " + commandId, "command");
    }
}
