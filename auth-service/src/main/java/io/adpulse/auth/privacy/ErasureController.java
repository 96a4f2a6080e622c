package io.adpulse.auth.privacy;

import io.adpulse.auth.web.Actor;
import io.adpulse.auth.web.Roles;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Erasure of one TikTok account's data, for admins: request it, and follow it service by service. */
@RestController
@RequestMapping("/api/auth/privacy/erasures")
class ErasureController {

    /** Body of an erasure request. */
    record ErasureRequest(String connectionId) {
    }

    private final ErasureService erasures;

    ErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    /**
     * Requests the erasure of everything Adpulse holds about the connection's account (disconnecting it first if it
     * is still connected). Answers 202 with the request, pending, and its location.
     */
    @PostMapping
    Mono<ResponseEntity<ErasureView>> request(@RequestHeader(name = Roles.HEADER, required = false) String roles,
            @RequestHeader(name = Actor.HEADER, required = false) String actor,
            @RequestBody(required = false) ErasureRequest body) {
        Roles.requireAdmin(roles);
        if (body == null || body.connectionId() == null || body.connectionId().isBlank()) {
            throw new ServerWebInputException("The body must name the connection to erase: {\"connectionId\": \"...\"}");
        }
        return erasures.requestExplicit(body.connectionId().strip(), Actor.orSystem(actor))
                .map(view -> ResponseEntity.accepted()
                        .location(URI.create("/api/auth/privacy/erasures/" + view.id()))
                        .body(view));
    }

    /** Most requests {@link #open} answers. */
    static final int OPEN_LIMIT = 200;

    /**
     * The requests not complete yet, oldest first (at most {@value #OPEN_LIMIT}), each with its per-service status,
     * SLA deadline and whether it missed it.
     */
    @GetMapping
    Flux<ErasureView> open(@RequestHeader(name = Roles.HEADER, required = false) String roles) {
        Roles.requireAdmin(roles);
        return erasures.open(OPEN_LIMIT);
    }

    /** The request with each expected service's status; {@code status} is {@code COMPLETE} once all confirmed. */
    @GetMapping("/{id}")
    Mono<ErasureView> status(@RequestHeader(name = Roles.HEADER, required = false) String roles,
            @PathVariable String id) {
        Roles.requireAdmin(roles);
        return erasures.status(id);
    }
}
