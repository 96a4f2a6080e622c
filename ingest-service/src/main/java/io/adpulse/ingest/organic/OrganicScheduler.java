package io.adpulse.ingest.organic;

import io.adpulse.ingest.config.IngestSettings;
import io.adpulse.ingest.connection.Connection;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.connection.CreatorConnectionActivated;
import io.adpulse.ingest.sync.SyncReason;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Polls every active creator connection's videos each {@code poll-interval}, and a connection at once when it is
 * granted or granted again with a refreshed token (or an operator asks). At most {@code sync-concurrency} polls
 * run at once. A connection is never polled twice at once: a scheduled poll skips a connection being polled, while
 * a grant or an operator's request for it runs again once the current poll ends (it may carry a new token).
 * Creators are only ever polled through the Display API, never the API for Business.
 */
@Component
public class OrganicScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrganicScheduler.class);
    private static final Duration EMIT_CONTENTION_WAIT = Duration.ofSeconds(1);
    private static final int BUFFER = 16_384;

    private record Request(String connectionId, SyncReason reason) {
    }

    private final IngestSettings settings;
    private final ConnectionRepository connections;
    private final OrganicSync organic;
    private final Sinks.Many<Request> requests = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);
    /** Connections being polled, each with whether an on-demand poll arrived meanwhile and is due afterwards. */
    private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private volatile Disposable subscription;

    OrganicScheduler(IngestSettings settings, ConnectionRepository connections, OrganicSync organic) {
        this.settings = settings;
        this.connections = connections;
        this.organic = organic;
    }

    /** Queues a poll of one creator connection now (an operator's request). */
    public void request(String connectionId) {
        emit(new Request(connectionId, SyncReason.MANUAL));
    }

    @EventListener
    void onActivated(CreatorConnectionActivated activated) {
        emit(new Request(activated.connectionId(), SyncReason.GRANT));
    }

    private void emit(Request request) {
        requests.emitNext(request, Sinks.EmitFailureHandler.busyLooping(EMIT_CONTENTION_WAIT));
    }

    @Override
    public void start() {
        Flux<Object> polls = Flux.interval(settings.pollInterval(), settings.pollInterval())
                .onBackpressureDrop(tick -> log.warn("Organic poll skipped: every slot is still busy"))
                .concatMap(tick -> connections.activeCreators()
                        .filter(connection -> claim(connection.id(), false))
                        .collectList()
                        .onErrorResume(e -> {
                            log.error("Organic poll skipped: active creator connections could not be read", e);
                            return Mono.empty();
                        }), 0)
                .flatMapIterable(list -> list.stream().map(c -> (Object) new Claimed(c, SyncReason.SCHEDULE)).toList());
        Flux<Object> onDemand = requests.asFlux()
                .filter(request -> claim(request.connectionId(), true))
                .concatMap(request -> connections.findActiveCreator(request.connectionId())
                        .map(connection -> (Object) new Claimed(connection, request.reason()))
                        .switchIfEmpty(Mono.fromRunnable(() -> release(request.connectionId())))
                        .onErrorResume(e -> {
                            log.error("Organic poll of {} skipped: the connection could not be read",
                                    request.connectionId(), e);
                            release(request.connectionId());
                            return Mono.empty();
                        }));
        subscription = Flux.merge(polls, onDemand)
                .cast(Claimed.class)
                .flatMap(claimed -> organic.poll(claimed.connection(), claimed.reason())
                        .onErrorResume(e -> Mono.empty())
                        .doFinally(signal -> release(claimed.connection().id())), settings.syncConcurrency())
                .subscribe();
    }

    /** True if the connection was free and is now claimed; an on-demand request for a busy one runs afterwards. */
    private boolean claim(String connectionId, boolean onDemand) {
        boolean[] claimed = {false};
        inFlight.compute(connectionId, (id, again) -> {
            if (again == null) {
                claimed[0] = true;
                return Boolean.FALSE;
            }
            return again || onDemand;
        });
        return claimed[0];
    }

    private void release(String connectionId) {
        Boolean again = inFlight.remove(connectionId);
        if (Boolean.TRUE.equals(again)) {
            emit(new Request(connectionId, SyncReason.GRANT));
        }
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
        inFlight.clear();
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }

    private record Claimed(Connection connection, SyncReason reason) {
    }
}
