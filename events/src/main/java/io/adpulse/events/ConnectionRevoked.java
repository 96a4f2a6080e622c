package io.adpulse.events;

import java.time.Instant;

/** A connection stopped being usable: disconnected by an operator, or revoked on TikTok's side. */
public record ConnectionRevoked(String connectionId, String advertiserId, String reason, String revokedBy,
        Instant revokedAt) {
}
