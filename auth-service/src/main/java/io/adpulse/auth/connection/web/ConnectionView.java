package io.adpulse.auth.connection.web;

import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.connection.ConnectionStatus;
import io.adpulse.events.ConnectionKind;
import java.time.Instant;
import java.util.List;

/**
 * A connection as the API shows it: no token, only the id of the master key the token is encrypted
 * under ({@code keyId}, null once the token is gone) so admins can follow a key rotation.
 * {@code expiresAt} is when the current access token expires (null: advertiser tokens do not expire
 * on a timer) and {@code lastRefreshedAt} when it was last refreshed (null: never).
 */
public record ConnectionView(String id, ConnectionKind kind, String advertiserId, String displayName,
        ConnectionStatus status, String statusReason, List<String> scopes, String grantedBy, Instant grantedAt,
        Instant statusChangedAt, Instant expiresAt, Instant lastRefreshedAt, String keyId) {

    public static ConnectionView of(Connection c) {
        return new ConnectionView(c.id(), c.kind(), c.advertiserId(), c.displayName(), c.status(), c.statusReason(),
                c.scopes(), c.grantedBy(), c.grantedAt(), c.statusChangedAt(), c.accessExpiresAt(),
                c.lastRefreshedAt(), c.tokenKeyId());
    }
}
