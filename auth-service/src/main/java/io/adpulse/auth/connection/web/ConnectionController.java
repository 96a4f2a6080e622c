package io.adpulse.auth.connection.web;

import io.adpulse.auth.connection.ConnectionService;
import io.adpulse.auth.connection.RevocationService;
import io.adpulse.auth.web.Actor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists, shows and disconnects TikTok connections. */
@RestController
@RequestMapping("/api/auth/connections")
class ConnectionController {

    private final ConnectionService connections;
    private final RevocationService revocations;

    ConnectionController(ConnectionService connections, RevocationService revocations) {
        this.connections = connections;
        this.revocations = revocations;
    }

    @GetMapping
    Flux<ConnectionView> list() {
        return connections.list().map(ConnectionView::of);
    }

    @GetMapping("/{id}")
    Mono<ConnectionView> get(@PathVariable String id) {
        return connections.find(id).map(ConnectionView::of);
    }

    /**
     * Disconnects the account: revokes the token at TikTok, marks the connection REVOKED and publishes
     * {@code ConnectionRevoked}. Answers the connection in its new state; repeating it is harmless.
     */
    @DeleteMapping("/{id}")
    Mono<ConnectionView> revoke(@PathVariable String id,
            @RequestHeader(name = Actor.HEADER, required = false) String actor) {
        return revocations.revokeByOperator(id, Actor.orSystem(actor)).map(ConnectionView::of);
    }
}
