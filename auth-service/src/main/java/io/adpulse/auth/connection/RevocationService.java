package io.adpulse.auth.connection;

import io.adpulse.auth.config.AuthProperties;
import io.adpulse.auth.outbox.Outbox;
import io.adpulse.auth.outbox.OutboxRelay;
import io.adpulse.auth.tiktok.TikTokBusinessClient;
import io.adpulse.auth.tiktok.TikTokLoginKitClient;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Ending connections, from either side.
 *
 * <ul>
 *   <li>An operator disconnects an account: the token is revoked at TikTok (best effort: a TikTok
 *   outage must not keep an account connected in Adpulse), deleted here, the connection becomes
 *   REVOKED and {@code ConnectionRevoked} is published, then a tombstone under the connection id. Advertisers authorised together share one
 *   TikTok token, so TikTok is only asked to revoke it when no other ACTIVE connection uses it.</li>
 *   <li>TikTok rejects a token (an auth error code reported on {@code tiktok.api-errors.v1}): an
 *   ACTIVE connection becomes NEEDS_REAUTH and {@code ConnectionRevoked} is published with reason
 *   {@code NEEDS_REAUTH:<code>}, so ingest-service stops polling until an operator authorises again.
 *   Reports about a grant older than the error are ignored for newer grants, and repeated reports
 *   change nothing.</li>
 *   <li>The account owner removes Adpulse's access at TikTok (Login Kit webhook {@code authorization.removed}): the
 *   creator connection is revoked as on an operator disconnect, without calling TikTok (the token is already
 *   revoked there), with reason {@code REVOKED_AT_TIKTOK:<reason>}.</li>
 * </ul>
 */
@Service
public class RevocationService {

    /** Status reason when an operator disconnects an account. */
    public static final String DISCONNECTED_BY_OPERATOR = "DISCONNECTED_BY_OPERATOR";
    /** Status reason prefix when TikTok rejected the token; the TikTok code follows. */
    public static final String NEEDS_REAUTH_PREFIX = "NEEDS_REAUTH:";
    /** Status reason prefix when the account owner removed Adpulse's access at TikTok; TikTok's reason follows. */
    public static final String REVOKED_AT_TIKTOK_PREFIX = "REVOKED_AT_TIKTOK:";
    /** {@code revokedBy} when TikTok, not a person, ended the connection. */
    static final String TIKTOK = "tiktok";

    private static final Logger log = LoggerFactory.getLogger(RevocationService.class);

    private final ConnectionRepository connections;
    private final TokenVault tokens;
    private final ConnectionEvents events;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TransactionalOperator transactions;
    private final ConnectionMetrics metrics;
    private final TikTokBusinessClient tiktok;
    private final TikTokLoginKitClient loginKit;
    private final RefreshService refreshes;
    private final Set<Integer> reauthErrorCodes;
    private final Clock clock;

    RevocationService(ConnectionRepository connections, TokenVault tokens, ConnectionEvents events, Outbox outbox,
            OutboxRelay relay, TransactionalOperator transactions, ConnectionMetrics metrics,
            TikTokBusinessClient tiktok, TikTokLoginKitClient loginKit, RefreshService refreshes,
            AuthProperties properties, Clock clock) {
        this.loginKit = loginKit;
        this.refreshes = refreshes;
        this.connections = connections;
        this.tokens = tokens;
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.tiktok = tiktok;
        this.reauthErrorCodes = Set.copyOf(properties.reauthErrorCodes());
        this.clock = clock;
    }

    /**
     * Disconnects the connection for {@code actor}: revokes the token at TikTok (best effort), then
     * deletes the stored tokens, marks the connection REVOKED and publishes {@code ConnectionRevoked}
     * followed by a tombstone, all in one transaction. Disconnecting an already revoked connection
     * changes nothing.
     */
    public Mono<Disconnection> revokeByOperator(String id, String actor) {
        return connections.findById(id)
                .switchIfEmpty(Mono.error(() -> new ConnectionNotFoundException(id)))
                .flatMap(connection -> connection.status() == ConnectionStatus.REVOKED
                        ? Mono.just(new Disconnection(connection, TikTokRevocation.of(
                                TikTokRevocation.Outcome.ALREADY_DISCONNECTED,
                                "The connection was already disconnected; TikTok was not asked again.")))
                        : revokeAtTikTok(connection).flatMap(tiktokOutcome -> commitRevocation(connection.id(),
                                        DISCONNECTED_BY_OPERATOR, actor, null, "operator")
                                .switchIfEmpty(Mono.defer(() -> connections.findById(connection.id())))
                                .map(revoked -> new Disconnection(revoked, tiktokOutcome))));
    }

    /**
     * The account owner removed Adpulse's access at TikTok (Login Kit's {@code authorization.removed} webhook): the
     * creator connection of {@code openId}, ACTIVE or NEEDS_REAUTH and granted no later than {@code removedAt}, becomes
     * REVOKED with reason {@code REVOKED_AT_TIKTOK:<reason>}, its tokens are deleted, and {@code ConnectionRevoked}
     * and a tombstone are published, in one transaction: the operator disconnect's commit, without asking TikTok to
     * revoke a token it already revoked. Emits the revoked connection; empty when there is none to revoke (unknown
     * user, already revoked, or re-authorised after the removal), so a redelivery changes nothing.
     */
    public Mono<Connection> revokeRemovedAtTikTok(String openId, String reason, Instant removedAt) {
        return commitRevocation(Connection.creatorConnectionId(openId), REVOKED_AT_TIKTOK_PREFIX + reason, TIKTOK,
                        removedAt, "removed_at_tiktok")
                .doOnNext(revoked -> log.info("Connection {} revoked: the TikTok user removed Adpulse's access ({})",
                        revoked.id(), reason));
    }

    /**
     * Applies a TikTok API error to its connection when the code means the grant is unusable. A
     * creator connection is checked at once by refreshing its tokens (unless they were refreshed
     * after the error): it becomes NEEDS_REAUTH only if TikTok refuses the refresh token too.
     */
    public Mono<Void> markNeedsReauth(ApiErrorOccurred error) {
        if (!reauthErrorCodes.contains(error.code())) {
            return Mono.empty();
        }
        return connections.findById(error.connectionId())
                .flatMap(connection -> connection.kind() == ConnectionKind.CREATOR
                        ? checkCreator(connection, error)
                        : markAdvertiserNeedsReauth(error))
                .then();
    }

    private Mono<Void> checkCreator(Connection connection, ApiErrorOccurred error) {
        boolean tokenNewerThanError = connection.grantedAt().isAfter(error.occurredAt())
                || connection.lastRefreshedAt() != null && connection.lastRefreshedAt().isAfter(error.occurredAt());
        if (connection.status() != ConnectionStatus.ACTIVE || tokenNewerThanError) {
            return Mono.empty();
        }
        log.info("TikTok answered {} for creator connection {} with code {}; refreshing its tokens now",
                error.endpoint(), connection.id(), error.code());
        return refreshes.refresh(connection.id()).then();
    }

    private Mono<Void> markAdvertiserNeedsReauth(ApiErrorOccurred error) {
        Mono<Connection> work = connections.transition(error.connectionId(), EnumSet.of(ConnectionStatus.ACTIVE),
                        ConnectionStatus.NEEDS_REAUTH, NEEDS_REAUTH_PREFIX + error.code(), clock.instant(),
                        error.occurredAt())
                .flatMap(changed -> outbox.append(events.revoked(changed, TIKTOK)).thenReturn(changed));
        return transactions.transactional(work)
                .doOnNext(changed -> {
                    log.info("Connection {} needs re-authorisation: TikTok answered {} with code {}",
                            changed.id(), error.endpoint(), error.code());
                    relay.wake();
                    metrics.revoked("needs_reauth");
                })
                .then();
    }

    private Mono<TikTokRevocation> revokeAtTikTok(Connection connection) {
        return connections.countOtherActiveInGrant(connection.grantId(), connection.id())
                .flatMap(others -> {
                    if (others > 0) {
                        log.info("Connection {} shares its TikTok token with {} active connection(s); "
                                + "revoking it in Adpulse only", connection.id(), others);
                        return Mono.just(TikTokRevocation.of(TikTokRevocation.Outcome.SKIPPED_SHARED_TOKEN,
                                "The TikTok token is shared with " + others + " other active connection(s) of the "
                                        + "same authorisation, so it was not revoked at TikTok."));
                    }
                    return tokens.accessToken(connection.id())
                            .flatMap(token -> (connection.kind() == ConnectionKind.CREATOR ? loginKit.revoke(token)
                                    : tiktok.revokeToken(token)).thenReturn(TikTokRevocation.of(
                                    TikTokRevocation.Outcome.REVOKED, "TikTok revoked the token.")))
                            .defaultIfEmpty(TikTokRevocation.of(TikTokRevocation.Outcome.SKIPPED_NO_TOKEN,
                                    "Adpulse held no token for this connection, so TikTok was not asked."));
                })
                .onErrorResume(e -> {
                    log.warn("Could not revoke the TikTok token of connection {}; disconnecting it anyway: {}",
                            connection.id(), e.getMessage());
                    return Mono.just(TikTokRevocation.of(TikTokRevocation.Outcome.FAILED,
                            "Revoking the token at TikTok failed (" + e.getMessage() + "); the connection was "
                                    + "disconnected and its tokens deleted in Adpulse anyway. The token stays valid "
                                    + "at TikTok until it expires or the account owner removes Adpulse's access."));
                });
    }

    /**
     * The commit of every revocation: marks the connection REVOKED (from ACTIVE or NEEDS_REAUTH, and only when
     * granted no later than {@code grantedNoLaterThan} if that is set), deletes its tokens and appends
     * {@code ConnectionRevoked} and the tombstone to the outbox, in one transaction. Empty when the connection was not
     * in a revocable state.
     */
    private Mono<Connection> commitRevocation(String id, String reason, String revokedBy, Instant grantedNoLaterThan,
            String metricReason) {
        Mono<Connection> work = connections.transition(id,
                        EnumSet.of(ConnectionStatus.ACTIVE, ConnectionStatus.NEEDS_REAUTH), ConnectionStatus.REVOKED,
                        reason, clock.instant(), grantedNoLaterThan)
                .flatMap(revoked -> tokens.discard(revoked.id())
                        .then(outbox.append(events.revoked(revoked, revokedBy)))
                        .then(outbox.appendTombstone(Topics.CONNECTIONS, revoked.id(), events.tombstoneId(revoked)))
                        .thenReturn(revoked));
        return transactions.transactional(work)
                .doOnNext(revoked -> {
                    relay.wake();
                    metrics.revoked(metricReason);
                });
    }
}
