package io.adpulse.auth.connection;

import io.adpulse.auth.crypto.TransitSealer;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EventEnvelope;
import org.springframework.stereotype.Component;

/**
 * Builds the events of a connection's lifecycle. Event ids derive from the connection id and its
 * revision, so a re-published outbox row carries the same id and every new grant or status change a
 * new one. The access token is sealed under the transit key with the connection id as associated data; a creator's
 * grant also names when that access token expires (API for Business tokens do not expire: null).
 */
@Component
class ConnectionEvents {

    /** CloudEvents {@code source} of everything auth-service publishes. */
    static final String SOURCE = "/adpulse/auth-service";

    private final TransitSealer sealer;

    ConnectionEvents(TransitSealer sealer) {
        this.sealer = sealer;
    }

    EventEnvelope<ConnectionGranted> granted(Connection connection, String accessToken) {
        return granted(connection, accessToken, connection.grantedAt());
    }

    /**
     * The connection's current access token, announced at {@code at}: after a grant, or after a
     * refresh replaced a creator's access token (same grant, new revision, new token).
     */
    EventEnvelope<ConnectionGranted> granted(Connection connection, String accessToken, java.time.Instant at) {
        var data = new ConnectionGranted(connection.id(), connection.kind(), connection.advertiserId(),
                connection.displayName(), sealer.seal(accessToken, connection.id()), connection.scopes(),
                connection.grantedBy(), connection.grantedAt(),
                connection.kind() == ConnectionKind.CREATOR ? connection.accessExpiresAt() : null);
        return EventEnvelope.of(SOURCE, connection.id(), at, data, connection.id(), "granted", connection.revision());
    }

    /** {@code connection} in its new status; {@code reason} is its status reason. */
    EventEnvelope<ConnectionRevoked> revoked(Connection connection, String revokedBy) {
        var data = new ConnectionRevoked(connection.id(), connection.advertiserId(), connection.statusReason(),
                revokedBy, connection.statusChangedAt());
        return EventEnvelope.of(SOURCE, connection.id(), connection.statusChangedAt(), data,
                connection.id(), "revoked", connection.revision());
    }

    /**
     * Outbox id of the tombstone that follows a revocation; unique per connection and revision, so a
     * later re-authorisation and disconnect publishes a new one.
     */
    String tombstoneId(Connection connection) {
        return "tombstone:" + connection.id() + ":" + connection.revision();
    }
}
