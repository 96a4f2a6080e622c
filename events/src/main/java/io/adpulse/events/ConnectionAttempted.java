package io.adpulse.events;

import java.time.Instant;
import java.util.List;

/**
 * The end of one OAuth connect attempt: TikTok redirected back and Adpulse either connected accounts or refused, and
 * why. The audit trail of who tried to connect what; carries no codes, states or tokens.
 *
 * @param attemptId     unique per callback
 * @param kind          which flow: advertiser (API for Business) or creator (Login Kit)
 * @param operator      who started the attempt, when known (an unknown or forged state has no operator)
 * @param outcome       connected or refused
 * @param failure       why it was refused, a stable slug such as {@code reused-state}; {@code null} on success
 * @param detail        the human explanation shown to the operator; {@code null} on success
 * @param connectionIds connections created or renewed; empty on failure
 * @param at            when the callback was answered
 */
public record ConnectionAttempted(String attemptId, ConnectionKind kind, String operator, Outcome outcome,
        String failure, String detail, List<String> connectionIds, Instant at) {

    /** How an attempt ended. */
    public enum Outcome {
        CONNECTED, REFUSED
    }
}
