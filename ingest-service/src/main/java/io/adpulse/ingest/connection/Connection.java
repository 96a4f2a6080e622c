package io.adpulse.ingest.connection;

import io.adpulse.events.ConnectionKind;
import io.adpulse.events.SealedToken;

/**
 * A TikTok connection; {@code token} is the sealed access token, absent once revoked. For a {@code CREATOR}
 * connection {@code advertiserId} is the creator's TikTok {@code open_id}.
 */
public record Connection(String id, String advertiserId, String displayName, ConnectionStatus status,
        SealedToken token, ConnectionKind kind) {
}
