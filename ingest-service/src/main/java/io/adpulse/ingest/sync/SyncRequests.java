package io.adpulse.ingest.sync;

import io.adpulse.ingest.connection.ConnectionActivated;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The queue of on-demand syncs (new grants, operator requests), drained by {@link SyncScheduler}.
 * Requests made before the scheduler starts (or while it is stopped) are buffered, so a grant read at
 * startup is not lost; the queue outlives a stop, so the scheduler can start again.
 */
@Component
public class SyncRequests {

    private static final Duration EMIT_CONTENTION_WAIT = Duration.ofSeconds(1);

    private static final int BUFFER = 16_384;

    private final Sinks.Many<SyncRequest> sink = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);

    /** Connections with an on-demand sync queued and not yet taken up; polls leave them to it. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    /** Queues a sync of one connection. */
    public void request(String connectionId, SyncReason reason, String requestedBy) {
        queued.add(connectionId);
        sink.emitNext(new SyncRequest(List.of(connectionId), reason, requestedBy),
                Sinks.EmitFailureHandler.busyLooping(EMIT_CONTENTION_WAIT));
    }

    /** A newly granted connection is synced at once rather than at the next poll. */
    @EventListener
    void onActivated(ConnectionActivated activated) {
        request(activated.connectionId(), SyncReason.GRANT, "system");
    }

    /**
     * Whether an on-demand sync of the connection is queued (a new grant's backfill waiting to be run with the grants
     * arriving with it, see {@code on-demand-batch-wait}): a poll then leaves the connection to it, so a grant's first
     * sync is its own.
     */
    boolean queued(String connectionId) {
        return queued.contains(connectionId);
    }

    /** The on-demand sync of these connections is being taken up. */
    void takenUp(List<String> connectionIds) {
        queued.removeAll(connectionIds);
    }

    Flux<SyncRequest> requests() {
        return sink.asFlux();
    }
}
