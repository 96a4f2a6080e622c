package io.adpulse.auth.connection;

import io.adpulse.events.ConnectionKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A TikTok account Adpulse may act for. Holds no token: tokens live encrypted in the token store.
 *
 * @param id              stable per account ({@code adv-<advertiserId>}, {@code creator-<open_id>}), also
 *                        the Kafka record key
 * @param advertiserId    the advertiser id, or a creator's {@code open_id}
 * @param grantId         the authorisation (callback) this connection came from; advertisers granted
 *                        together share one TikTok access token
 * @param statusReason    why the status last changed, e.g. {@code NEEDS_REAUTH:40105}
 * @param revision        grows by one on every change; part of event ids, so each fact gets its own id
 * @param accessExpiresAt when the stored access token stops working; null when it does not expire on a
 *                        timer (advertiser tokens)
 * @param lastRefreshedAt when the tokens were last refreshed; null if never
 * @param tokenKeyId      master key id the stored access token is encrypted under; null without token
 */
public record Connection(String id, ConnectionKind kind, String advertiserId, String displayName,
        ConnectionStatus status, String statusReason, UUID grantId, List<String> scopes, String grantedBy,
        Instant grantedAt, Instant statusChangedAt, long revision, Instant accessExpiresAt, Instant lastRefreshedAt,
        String tokenKeyId) {

    private static final String ADVERTISER_PREFIX = "adv-";
    private static final String CREATOR_PREFIX = "creator-";

    public Connection {
        scopes = List.copyOf(scopes);
    }

    /** The connection id of an advertiser account; the same on every re-authorisation. */
    public static String advertiserConnectionId(String advertiserId) {
        return ADVERTISER_PREFIX + advertiserId;
    }

    /** The connection id of a TikTok user (creator) account: {@code creator-<open_id>}. */
    public static String creatorConnectionId(String openId) {
        return CREATOR_PREFIX + openId;
    }

    Connection withTokenKeyId(String keyId) {
        return new Connection(id, kind, advertiserId, displayName, status, statusReason, grantId, scopes,
                grantedBy, grantedAt, statusChangedAt, revision, accessExpiresAt, lastRefreshedAt, keyId);
    }
}
