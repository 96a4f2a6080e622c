package io.adpulse.auth.oauth;

import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.outbox.Outbox;
import io.adpulse.auth.outbox.OutboxRelay;
import io.adpulse.events.ConnectionAttempted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The audit record of every OAuth callback: a {@code ConnectionAttempted} event on
 * {@code tiktok.connection-attempts.v1}, keyed by the operator who started the attempt ({@code unknown} when the
 * state did not name one). A successful attempt's event is built here and appended by the grant, in the
 * transaction that stores the connections; a refused attempt's event is its own small transaction. The event
 * carries the failure slug and the human detail the operator saw, never a code, state or token.
 */
@Component
class ConnectionAttempts {

    /** CloudEvents {@code source} of everything auth-service publishes (as for connection events). */
    static final String SOURCE = "/adpulse/auth-service";
    /** Record key of attempts whose operator is not known. */
    static final String UNKNOWN_OPERATOR = "unknown";
    /** Longest detail the event schema accepts. */
    private static final int MAX_DETAIL = 2000;

    private static final Logger log = LoggerFactory.getLogger(ConnectionAttempts.class);

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TransactionalOperator transactions;
    private final Clock clock;

    private final MeterRegistry meters;

    ConnectionAttempts(Outbox outbox, OutboxRelay relay, TransactionalOperator transactions, Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        // Every series exists from the start at zero, so rate() and alerts on them work before the first failure.
        for (ConnectionKind kind : ConnectionKind.values()) {
            for (CallbackFailure reason : CallbackFailure.values()) {
                failures(kind, reason);
            }
        }
    }

    /** {@code adpulse.auth.callback.failures}: OAuth callbacks that connected nothing, by flow and reason. */
    private Counter failures(ConnectionKind kind, CallbackFailure reason) {
        return Counter.builder("adpulse.auth.callback.failures")
                .description("OAuth callbacks that connected nothing, by reason")
                .tag("flow", kind == ConnectionKind.ADVERTISER ? "tiktok_business" : "tiktok_creator")
                .tag("reason", reason.label())
                .register(meters);
    }

    /** A new attempt id, unique per callback. */
    static String newAttemptId() {
        return UUID.randomUUID().toString();
    }

    /** The event of an attempt that connected {@code connections}; the grant appends it in its transaction. */
    EventEnvelope<ConnectionAttempted> connected(String attemptId, ConnectionKind kind, String operator,
            List<Connection> connections) {
        var data = new ConnectionAttempted(attemptId, kind, operator, ConnectionAttempted.Outcome.CONNECTED, null, null,
                connections.stream().map(Connection::id).toList(), clock.instant());
        return envelope(data);
    }

    /**
     * Records that the attempt was refused for {@code failure}'s reason, in a transaction of its own, and counts it.
     * Never fails:
     * the operator must get the callback's answer even when the audit record cannot be written (it is logged).
     */
    Mono<Void> refused(String attemptId, ConnectionKind kind, CallbackFailedException failure) {
        failures(kind, failure.failure()).increment();
        var data = new ConnectionAttempted(attemptId, kind, failure.operator(), ConnectionAttempted.Outcome.REFUSED,
                failure.failure().slug(), truncate(failure.getMessage()), List.of(), clock.instant());
        return transactions.transactional(outbox.append(envelope(data)))
                .doOnSuccess(done -> relay.wake())
                .onErrorResume(e -> {
                    log.warn("Could not record the refused {} connect attempt {} ({}): {}", kind, attemptId,
                            failure.failure().slug(), e.toString());
                    return Mono.empty();
                });
    }

    private static EventEnvelope<ConnectionAttempted> envelope(ConnectionAttempted data) {
        String key = data.operator() == null ? UNKNOWN_OPERATOR : data.operator();
        return EventEnvelope.of(SOURCE, key, data.at(), data, data.attemptId());
    }

    private static String truncate(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 3) + "..." : detail;
    }
}
