package io.adpulse.ingest.connection;

import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.ingest.token.TransitKeyRing;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies the connection lifecycle for advertiser connections (synced through the API for Business) and creator
 * connections (polled through the Display API for their organic videos). A grant is accepted only if its token
 * opens, so that a connection that could never be polled is rejected (and dead-lettered) instead of failing on
 * every poll. A creator's token refresh arrives as a new grant with the new token, which replaces the stored one.
 */
@Service
public class ConnectionService {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

    private final ConnectionRepository connections;
    private final TransitKeyRing keyRing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConnectionService(ConnectionRepository connections, TransitKeyRing keyRing, ApplicationEventPublisher events,
            Clock clock) {
        this.connections = connections;
        this.keyRing = keyRing;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a granted connection and, when it is new or its token changed, asks for a first sync (advertisers) or
     * poll of its videos (creators).
     */
    public Mono<Void> grant(ConnectionGranted grant) {
        return Mono.fromRunnable(() -> keyRing.open(grant.accessToken(), grant.connectionId()))
                .then(connections.saveGrant(grant, clock.instant()))
                .doOnNext(changed -> {
                    if (!changed) {
                        return;
                    }
                    if (grant.kind() == ConnectionKind.CREATOR) {
                        log.info("Creator connection {} granted", grant.connectionId());
                        events.publishEvent(new CreatorConnectionActivated(grant.connectionId()));
                    } else {
                        log.info("Connection {} for advertiser {} granted", grant.connectionId(), grant.advertiserId());
                        events.publishEvent(new ConnectionActivated(grant.connectionId()));
                    }
                })
                .then();
    }

    /** Stops polling a revoked connection and forgets its token. */
    public Mono<Void> revoke(ConnectionRevoked revoked) {
        return connections.revoke(revoked.connectionId(), revoked.revokedAt(), revoked.reason(), clock.instant())
                .doOnNext(changed -> {
                    if (changed) {
                        log.info("Connection {} revoked: {}", revoked.connectionId(), revoked.reason());
                    }
                })
                .then();
    }

    /**
     * TikTok rejected the connection's token ({@code rejected}): polling stops until a new grant arrives.
     * auth-service learns of the rejection from the published API error and asks the operator to reconnect.
     */
    public Mono<Void> markNeedsReauth(Connection connection, String reason) {
        if (connection.token() == null) {
            return Mono.empty();
        }
        return connections.markNeedsReauth(connection.id(), connection.token(), reason, clock.instant())
                .doOnNext(changed -> {
                    if (changed) {
                        log.warn("Connection {} stops polling until it is granted again: {}", connection.id(), reason);
                    }
                })
                .then();
    }

    /** A tombstone: the connection is gone; treated as a revocation now. */
    public Mono<Void> forget(String connectionId) {
        return connections.revoke(connectionId, clock.instant(), "TOMBSTONE", clock.instant())
                .doOnNext(changed -> {
                    if (changed) {
                        log.info("Connection {} removed (tombstone)", connectionId);
                    }
                })
                .then();
    }
}
