package io.adpulse.ingest.connection;

import io.adpulse.events.SealedToken;

/** A TikTok advertiser connection; {@code token} is the sealed access token, absent once revoked. */
public record Connection(String id, String advertiserId, String displayName, ConnectionStatus status,
        SealedToken token) {
}
