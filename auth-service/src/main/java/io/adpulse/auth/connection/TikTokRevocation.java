package io.adpulse.auth.connection;

/**
 * What happened at TikTok when an operator disconnected an account. The local disconnect happens
 * whatever this says: a failure here only means the token may stay valid at TikTok until it expires
 * or someone revokes it there.
 *
 * @param outcome what Adpulse did or could not do at TikTok
 * @param detail  a human explanation, never a token
 */
public record TikTokRevocation(Outcome outcome, String detail) {

    public enum Outcome {
        /** TikTok revoked the token. */
        REVOKED,
        /** Not asked: other ACTIVE connections of the same grant still use the token. */
        SKIPPED_SHARED_TOKEN,
        /** Not asked: Adpulse held no token for the connection any more. */
        SKIPPED_NO_TOKEN,
        /** Not asked: the connection had already been disconnected. */
        ALREADY_DISCONNECTED,
        /** TikTok refused or could not be reached, or the stored token could not be decrypted. */
        FAILED
    }

    static TikTokRevocation of(Outcome outcome, String detail) {
        return new TikTokRevocation(outcome, detail);
    }
}
