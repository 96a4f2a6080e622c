package io.adpulse.auth.connection.web;

import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.connection.ConnectionNotFoundException;
import io.adpulse.auth.connection.ConnectionService;
import io.adpulse.auth.connection.RefreshService;
import io.adpulse.auth.connection.RevocationService;
import io.adpulse.auth.privacy.ErasureService;
import io.adpulse.auth.web.Actor;
import io.adpulse.auth.web.Roles;
import io.adpulse.events.ConnectionKind;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists, shows and disconnects TikTok connections. A CLIENT user sees only the advertiser connections of its own
 * advertisers ({@link Roles#visibleAdvertisers}); another one is a 404 as if unknown, and it may change none.
 */
@RestController
@RequestMapping("/api/auth/connections")
class ConnectionController {

    private final ConnectionService connections;
    private final RevocationService revocations;
    private final RefreshService refreshes;
    private final ErasureService erasures;

    ConnectionController(ConnectionService connections, RevocationService revocations, RefreshService refreshes,
            ErasureService erasures) {
        this.connections = connections;
        this.revocations = revocations;
        this.refreshes = refreshes;
        this.erasures = erasures;
    }

    @GetMapping
    Flux<ConnectionView> list(@RequestHeader(name = Roles.HEADER, required = false) String roles,
            @RequestHeader(name = Roles.ADVERTISERS_HEADER, required = false) String advertisers) {
        Set<String> visible = Roles.visibleAdvertisers(roles, advertisers);
        return connections.list().filter(c -> visible(c, visible)).map(ConnectionView::of);
    }

    @GetMapping("/{id}")
    Mono<ConnectionView> get(@PathVariable String id, @RequestHeader(name = Roles.HEADER, required = false) String roles,
            @RequestHeader(name = Roles.ADVERTISERS_HEADER, required = false) String advertisers) {
        Set<String> visible = Roles.visibleAdvertisers(roles, advertisers);
        return connections.find(id)
                .flatMap(c -> visible(c, visible) ? Mono.just(c) : Mono.error(new ConnectionNotFoundException(id)))
                .map(ConnectionView::of);
    }

    /** Whether a caller that sees {@code visible} (all when {@code null}) sees the connection: creators' never. */
    private static boolean visible(Connection c, Set<String> visible) {
        return visible == null || (c.kind() == ConnectionKind.ADVERTISER && visible.contains(c.advertiserId()));
    }

    /**
     * Disconnects the account: revokes the token at TikTok (best effort), deletes the stored tokens,
     * marks the connection REVOKED and publishes {@code ConnectionRevoked} and a tombstone. Answers the
     * connection in its new state and what happened at TikTok; repeating it is harmless. With
     * {@code adpulse.auth.privacy.erase-on-disconnect} on, it also requests the erasure of the account's data and
     * answers the request's id as {@code erasureRequestId}.
     */
    @DeleteMapping("/{id}")
    Mono<DisconnectionView> revoke(@PathVariable String id,
            @RequestHeader(name = Actor.HEADER, required = false) String actor,
            @RequestHeader(name = Roles.HEADER, required = false) String roles) {
        Roles.refuseClient(roles, "disconnecting");
        String who = Actor.orSystem(actor);
        return revocations.revokeByOperator(id, who)
                .flatMap(disconnection -> erasures.afterDisconnect(disconnection, who)
                        .map(erasureId -> DisconnectionView.of(disconnection, erasureId))
                        .defaultIfEmpty(DisconnectionView.of(disconnection, null)));
    }

    /**
     * Refreshes a creator connection's tokens now (the scheduler does it ahead of expiry anyway).
     * Answers the connection and {@code refresh: {outcome, detail}}; advertiser connections have
     * nothing to refresh.
     */
    @PostMapping("/{id}/refresh")
    Mono<RefreshView> refresh(@PathVariable String id,
            @RequestHeader(name = Roles.HEADER, required = false) String roles) {
        Roles.refuseClient(roles, "refreshing a connection");
        return refreshes.refresh(id).map(RefreshView::of);
    }
}
