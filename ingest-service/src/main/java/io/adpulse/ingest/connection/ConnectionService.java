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
 * Applies the connection lifecycle. Only advertiser connections are ingested here (creator accounts
 * belong to the organic feed). A grant is accepted only if its token opens, so that a connection that
 * could never be polled is rejected (and dead-lettered) instead of failing on every poll.
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

    /** Stores a granted advertiser connection and, when it is new or its token changed, asks for a first sync. */
    public Mono<Void> grant(ConnectionGranted grant) {
        if (grant.kind() != ConnectionKind.ADVERTISER) {
            log.debug("Connection {} is a {} connection; advertiser ingest ignores it", grant.connectionId(), grant.kind());
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> keyRing.open(grant.accessToken(), grant.connectionId()))
                .then(connections.saveGrant(grant, clock.instant()))
                .doOnNext(changed -> {
                    if (changed) {
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
