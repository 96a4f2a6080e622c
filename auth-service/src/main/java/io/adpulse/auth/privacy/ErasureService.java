package io.adpulse.auth.privacy;

import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.connection.ConnectionService;
import io.adpulse.auth.connection.ConnectionStatus;
import io.adpulse.auth.connection.Disconnection;
import io.adpulse.auth.connection.RevocationService;
import io.adpulse.auth.connection.TikTokRevocation;
import io.adpulse.auth.outbox.Outbox;
import io.adpulse.auth.outbox.OutboxRelay;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Erasure requests: made explicitly by an admin, on disconnect (when {@code erase-on-disconnect} is on) or by the
 * retention job; stored and published as {@link PrivacyRequested} through the outbox in one transaction. auth-service
 * takes part like every other service ({@link #eraseOwnRows}), and keeps every service's {@link PrivacyCompleted} to
 * answer the request's status.
 */
@Service
public class ErasureService {

    /** CloudEvents {@code source} of auth-service, and the name it confirms its own part under. */
    static final String SOURCE = "/adpulse/auth-service";
    static final String SERVICE = "auth-service";
    /** {@code requestedBy} of requests the retention job makes. */
    static final String RETENTION = "retention";
    static final String PENDING = "PENDING";
    static final String COMPLETE = "COMPLETE";
    static final String COMPLETED = "COMPLETED";

    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

    private final PrivacyRequestStore store;
    private final ConnectionService connections;
    private final RevocationService revocations;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TransactionalOperator transactions;
    private final PrivacyProperties settings;
    private final Clock clock;

    ErasureService(PrivacyRequestStore store, ConnectionService connections, RevocationService revocations,
            Outbox outbox, OutboxRelay relay, TransactionalOperator transactions, PrivacyProperties settings,
            Clock clock) {
        this.store = store;
        this.connections = connections;
        this.revocations = revocations;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An admin asks for the erasure of a connection's data. A connection that is still connected is disconnected
     * first (token revoked at TikTok, {@code ConnectionRevoked} published), so nothing is fetched again after the
     * erasure.
     */
    public Mono<ErasureView> requestExplicit(String connectionId, String actor) {
        return connections.find(connectionId)
                .flatMap(connection -> connection.status() == ConnectionStatus.REVOKED ? Mono.just(connection)
                        : revocations.revokeByOperator(connectionId, actor).map(Disconnection::connection))
                .flatMap(connection -> create(connection, PrivacyRequested.Reason.EXPLICIT, actor))
                .flatMap(request -> status(request.requestId()));
    }

    /**
     * After an operator's disconnect: requests the erasure at once when {@code erase-on-disconnect} is on and the
     * call really disconnected the account (not a repeated disconnect); emits the request id, else empty.
     */
    public Mono<String> afterDisconnect(Disconnection disconnection, String actor) {
        if (!settings.eraseOnDisconnect()
                || disconnection.tiktok().outcome() == TikTokRevocation.Outcome.ALREADY_DISCONNECTED) {
            return Mono.empty();
        }
        return create(disconnection.connection(), PrivacyRequested.Reason.DISCONNECT, actor)
                .map(PrivacyRequested::requestId);
    }

    /**
     * The retention job's round: requests the erasure of every connection disconnected longer than
     * {@code retention-after-disconnect} ago that has no erasure request since; emits how many it requested.
     */
    Mono<Long> eraseExpired(int limit) {
        Instant cutoff = clock.instant().minus(settings.retentionAfterDisconnect());
        return store.disconnectedBefore(cutoff, limit)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(expired -> create(expired.id(), expired.kind(), expired.advertiserId(),
                        PrivacyRequested.Reason.DISCONNECT, RETENTION))
                .count();
    }

    /**
     * The requests not complete yet (some expected service has not confirmed), oldest first, at most {@code limit},
     * each with its per-service status and SLA.
     */
    public Flux<ErasureView> open(int limit) {
        return store.open(settings.services(), limit).concatMap(this::status);
    }

    /** The pending requests whose SLA passed: requested more than {@code erasure-sla} ago and not complete. */
    Flux<ErasureView> overdue(int limit) {
        return store.open(settings.services(), clock.instant().minus(settings.erasureSla()), limit)
                .concatMap(this::status);
    }

    /** The request and every service's confirmation so far, or {@link ErasureNotFoundException}. */
    public Mono<ErasureView> status(String requestId) {
        return store.find(requestId)
                .switchIfEmpty(Mono.error(() -> new ErasureNotFoundException(requestId)))
                .zipWith(store.completions(requestId).collectList(), this::view);
    }

    /**
     * auth-service's part of an erasure, as a consumer of {@code privacy.requests.v1}: deletes the connection's rows
     * and appends its {@link PrivacyCompleted} in one transaction. Redelivery deletes nothing more and appends the
     * same event id, which the outbox ignores.
     */
    Mono<Void> eraseOwnRows(PrivacyRequested request) {
        // The request reached us through the relay, possibly before the relay committed its marks for the records
        // sent just before it (this connection's revocation among them): wait for them, or they would stay unerased.
        Mono<Void> work = outbox.awaitRelay().then(store.eraseConnection(request.connectionId())).flatMap(counts -> {
            log.info("Erased connection {} for privacy request {}: {}", request.connectionId(), request.requestId(),
                    counts);
            var done = new PrivacyCompleted(request.requestId(), SERVICE, request.connectionId(), counts,
                    clock.instant());
            return outbox.append(EventEnvelope.of(SOURCE, request.connectionId(), done.completedAt(), done,
                    request.requestId(), SERVICE));
        });
        return transactions.transactional(work).doOnSuccess(ignored -> relay.wake());
    }

    /** Keeps one service's confirmation (first one wins; unknown requests are ignored). */
    Mono<Void> recordCompletion(PrivacyCompleted done) {
        return store.recordCompletion(done)
                .doOnNext(recorded -> {
                    if (!recorded) {
                        log.debug("Confirmation of {} by {} not recorded: already known or not our request",
                                done.requestId(), done.service());
                    }
                })
                .then();
    }

    private Mono<PrivacyRequested> create(Connection connection, PrivacyRequested.Reason reason, String actor) {
        return create(connection.id(), connection.kind(), connection.advertiserId(), reason, actor);
    }

    private Mono<PrivacyRequested> create(String connectionId, ConnectionKind kind, String accountId,
            PrivacyRequested.Reason reason, String actor) {
        boolean creator = kind == ConnectionKind.CREATOR;
        var request = new PrivacyRequested("erasure-" + UUID.randomUUID(), connectionId, kind,
                creator ? List.of() : List.of(accountId), creator ? accountId : null, PrivacyRequested.Kind.ERASURE,
                actor, clock.instant(), reason);
        Mono<Void> work = store.insert(request)
                .then(outbox.append(EventEnvelope.of(SOURCE, connectionId, request.requestedAt(), request,
                        request.requestId())));
        return transactions.transactional(work)
                .then(Mono.fromRunnable(() -> {
                    log.info("Erasure {} of connection {} requested by {} ({})", request.requestId(), connectionId,
                            actor, reason);
                    relay.wake();
                }))
                .thenReturn(request);
    }

    private ErasureView view(PrivacyRequested request, List<PrivacyRequestStore.Completion> completions) {
        Map<String, PrivacyRequestStore.Completion> byService = new LinkedHashMap<>();
        completions.forEach(c -> byService.put(c.service(), c));
        List<ErasureView.ServiceStatus> services = new ArrayList<>();
        boolean complete = true;
        Instant last = null;
        for (String service : settings.services()) {
            PrivacyRequestStore.Completion done = byService.remove(service);
            if (done == null) {
                complete = false;
                services.add(new ErasureView.ServiceStatus(service, PENDING, Map.of(), null));
            } else {
                last = last == null || done.completedAt().isAfter(last) ? done.completedAt() : last;
                services.add(new ErasureView.ServiceStatus(service, COMPLETED, done.deletedRows(), done.completedAt()));
            }
        }
        byService.values().forEach(done -> services.add(new ErasureView.ServiceStatus(done.service(), COMPLETED,
                done.deletedRows(), done.completedAt())));
        Instant deadline = request.requestedAt().plus(settings.erasureSla());
        Instant completedAt = complete ? last : null;
        boolean missed = complete ? completedAt.isAfter(deadline) : clock.instant().isAfter(deadline);
        return new ErasureView(request.requestId(), request.connectionId(), request.connectionKind(),
                request.advertiserIds(), request.openId(), request.kind().name(), request.reason().name(),
                request.requestedBy(), request.requestedAt(), complete ? COMPLETE : PENDING, completedAt, deadline,
                missed, services);
    }
}
