package io.adpulse.auth.connection;

import java.util.List;
import java.util.Map;

/**
 * Outcome of re-encrypting the token store under the active master key.
 *
 * @param activeKeyId    the master key every token should now be under
 * @param examined       stored tokens looked at
 * @param reencrypted    tokens moved from an older master key to the active one
 * @param alreadyCurrent tokens that were already under the active key (or were replaced meanwhile
 *                       by a refresh or re-authorisation, which uses the active key anyway)
 * @param failed         tokens that could not be decrypted, each with the reason
 * @param tokensByKeyId  how many tokens each master key protects after the run; an old key can be
 *                       removed from {@code ADPULSE_TOKEN_KEYS} once it no longer appears here
 */
public record KeyRotationReport(String activeKeyId, long examined, long reencrypted, long alreadyCurrent,
        List<Failure> failed, Map<String, Long> tokensByKeyId) {

    public KeyRotationReport {
        failed = List.copyOf(failed);
        tokensByKeyId = Map.copyOf(tokensByKeyId);
    }

    /** A token that stays under its old key: {@code reason} says why and what to do. */
    public record Failure(String connectionId, String tokenType, String keyId, String reason) {
    }
}
