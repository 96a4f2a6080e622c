package io.adpulse.ingest.web;

import io.adpulse.events.ConnectionKind;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.connection.ConnectionStatus;
import io.adpulse.ingest.organic.OrganicScheduler;
import io.adpulse.ingest.sync.ConnectionOverview;
import io.adpulse.ingest.sync.ConnectionOverviews;
import io.adpulse.ingest.sync.SyncReason;
import io.adpulse.ingest.sync.SyncRequests;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Connections as ingest-service sees them (status, latest sync run with its progress, stream watermarks),
 * and a way to sync one now instead of at the next poll. The caller is the {@code X-Adpulse-Actor} the
 * gateway sets ({@code system} without one); it is recorded on the sync run. A CLIENT user sees only the connections
 * of its own advertisers ({@link Caller}): another one is a 404 as if unknown, and it may not start a sync.
 */
@RestController
@RequestMapping("/api/ingest/connections")
class ConnectionsController {

    private static final String ACTOR_HEADER = "X-Adpulse-Actor";
    private static final String SYSTEM = "system";

    private final ConnectionRepository connections;
    private final ConnectionOverviews overviews;
    private final SyncRequests syncs;
    private final OrganicScheduler organic;

    ConnectionsController(ConnectionRepository connections, ConnectionOverviews overviews, SyncRequests syncs,
            OrganicScheduler organic) {
        this.connections = connections;
        this.overviews = overviews;
        this.syncs = syncs;
        this.organic = organic;
    }

    /** Every known connection the caller may see, active or not, ordered by id. */
    @GetMapping
    Flux<ConnectionOverview> list(@RequestHeader(value = Caller.ROLES_HEADER, required = false) String roles,
            @RequestHeader(value = Caller.ADVERTISERS_HEADER, required = false) String advertisers) {
        Caller caller = Caller.of(roles, advertisers);
        return overviews.all().filter(c -> caller.sees(c.advertiserId()));
    }

    /** One connection; 404 for an unknown id or one the caller may not see. */
    @GetMapping("/{id}")
    Mono<ConnectionOverview> one(@PathVariable String id,
            @RequestHeader(value = Caller.ROLES_HEADER, required = false) String roles,
            @RequestHeader(value = Caller.ADVERTISERS_HEADER, required = false) String advertisers) {
        Caller caller = Caller.of(roles, advertisers);
        return overviews.one(id).filter(c -> caller.sees(c.advertiserId())).switchIfEmpty(Mono.error(() -> unknown(id)));
    }

    /**
     * Queues a sync of an active connection (for a creator connection: a poll of its organic videos): 202; 404 for
     * an unknown id; 409 for one that is not active.
     */
    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<SyncAccepted> sync(@PathVariable String id, @RequestHeader(value = ACTOR_HEADER, required = false) String actor,
            @RequestHeader(value = Caller.ROLES_HEADER, required = false) String roles) {
        if (Caller.of(roles, null).client()) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "starting a sync is not open to the " + Caller.CLIENT + " role"));
        }
        return connections.find(id)
                .switchIfEmpty(Mono.error(() -> unknown(id)))
                .map(connection -> {
                    if (connection.status() != ConnectionStatus.ACTIVE) {
                        throw new ResponseStatusException(HttpStatus.CONFLICT, "Connection '" + id + "' is "
                                + connection.status() + "; it must be granted again before it can sync");
                    }
                    if (connection.kind() == ConnectionKind.CREATOR) {
                        organic.request(id);
                    } else {
                        syncs.request(id, SyncReason.MANUAL, actor == null || actor.isBlank() ? SYSTEM : actor.strip());
                    }
                    return new SyncAccepted(id, "QUEUED");
                });
    }

    private static ResponseStatusException unknown(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No connection '" + id + "' is known to ingest-service");
    }

    /** The answer to a sync request: the sync is queued; its outcome shows in the connection list. */
    record SyncAccepted(String connectionId, String status) {
    }
}
