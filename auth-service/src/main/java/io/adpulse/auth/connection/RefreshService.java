package io.adpulse.auth.connection;

import io.adpulse.auth.config.AuthProperties;
import io.adpulse.auth.outbox.Outbox;
import io.adpulse.auth.outbox.OutboxRelay;
import io.adpulse.auth.tiktok.CreatorTokens;
import io.adpulse.auth.tiktok.LoginKitRejectedException;
import io.adpulse.auth.tiktok.TikTokLoginKitClient;
import io.adpulse.auth.tiktok.TikTokRejectedException;
import io.adpulse.events.ConnectionKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Refreshes creator (Login Kit) tokens. TikTok rotates refresh tokens: the one used stops working
 * once TikTok answered, so a refresh must never be spent twice and its answer must never be lost.
 *
 * <ol>
 *   <li>A refresh first takes the connection's lease (a conditional update), so only one caller at a
 *   time, on any instance, asks TikTok; the others answer {@code IN_PROGRESS}.</li>
 *   <li>The new refresh token replaces the stored one only if the row still holds the ciphertext
 *   that was refreshed with (a conditional update), in the same transaction as the new access token,
 *   the connection's new expiry and the {@code ConnectionGranted} event. If the account was
 *   re-authorised meanwhile, the newer grant is kept and this answer dropped ({@code SUPERSEDED}).
 *   So the connection always holds exactly one valid pair.</li>
 *   <li>TikTok refusing the refresh token ({@code invalid_grant}, or a re-authorisation code such as
 *   40102/40103/40107) turns the connection NEEDS_REAUTH and publishes {@code ConnectionRevoked}.
 *   Transient failures release the lease and retry after {@code retry-delay}.</li>
 * </ol>
 */
@Service
public class RefreshService {

    private static final Logger log = LoggerFactory.getLogger(RefreshService.class);
    private static final int STORE_RETRIES = 3;

    private final ConnectionRepository connections;
    private final TokenVault tokens;
    private final ConnectionEvents events;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TransactionalOperator transactions;
    private final ConnectionMetrics metrics;
    private final TikTokLoginKitClient tiktok;
    private final RefreshPolicy policy;
    private final Set<Integer> reauthErrorCodes;
    private final Clock clock;

    RefreshService(ConnectionRepository connections, TokenVault tokens, ConnectionEvents events, Outbox outbox,
            OutboxRelay relay, TransactionalOperator transactions, ConnectionMetrics metrics,
            TikTokLoginKitClient tiktok, RefreshPolicy policy, AuthProperties properties, Clock clock) {
        this.connections = connections;
        this.tokens = tokens;
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.tiktok = tiktok;
        this.policy = policy;
        this.reauthErrorCodes = Set.copyOf(properties.reauthErrorCodes());
        this.clock = clock;
    }

    /** Refreshes the connection's tokens now; {@link ConnectionNotFoundException} for an unknown id. */
    public Mono<RefreshResult> refresh(String id) {
        return connections.findById(id)
                .switchIfEmpty(Mono.error(() -> new ConnectionNotFoundException(id)))
                .flatMap(connection -> {
                    if (connection.kind() != ConnectionKind.CREATOR) {
                        return Mono.just(new RefreshResult(connection, RefreshResult.Outcome.NOT_REFRESHABLE,
                                "API for Business access tokens do not expire; there is nothing to refresh."));
                    }
                    if (connection.status() != ConnectionStatus.ACTIVE) {
                        return Mono.just(new RefreshResult(connection, RefreshResult.Outcome.NOT_REFRESHABLE,
                                "The connection is " + connection.status() + "; only an ACTIVE connection is "
                                        + "refreshed. Connect the account again."));
                    }
                    Instant now = clock.instant();
                    return connections.claimRefreshLease(id, now, now.plus(policy.lease()))
                            .flatMap(this::refreshHoldingLease)
                            .switchIfEmpty(Mono.defer(() -> connections.findById(id).map(current ->
                                    current.status() == ConnectionStatus.ACTIVE
                                            ? new RefreshResult(current, RefreshResult.Outcome.IN_PROGRESS,
                                                    "Another refresh of this connection is in progress.")
                                            : new RefreshResult(current, RefreshResult.Outcome.NOT_REFRESHABLE,
                                                    "The connection is " + current.status() + "."))));
                });
    }

    private Mono<RefreshResult> refreshHoldingLease(Connection connection) {
        String id = connection.id();
        return tokens.refreshToken(id)
                .flatMap(previous -> tiktok.refresh(previous.token())
                        .flatMap(fresh -> store(connection, previous, fresh)))
                .switchIfEmpty(Mono.defer(() -> connections.releaseRefreshLease(id, null)
                        .then(connections.findById(id))
                        .map(current -> new RefreshResult(current, RefreshResult.Outcome.NOT_REFRESHABLE,
                                "Adpulse holds no refresh token for this connection; connect the account again."))))
                .onErrorResume(e -> refused(e), e -> needsReauth(connection, reason(e)))
                .onErrorResume(e -> !(e instanceof ConnectionNotFoundException), e -> retryLater(connection, e));
    }

    private Mono<RefreshResult> store(Connection connection, TokenVault.VersionedToken previous, CreatorTokens fresh) {
        String id = connection.id();
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(fresh.expiresInSeconds());
        Instant accessExpiresAt = now.plus(lifetime);
        Instant refreshExpiresAt = fresh.refreshExpiresInSeconds() > 0
                ? now.plusSeconds(fresh.refreshExpiresInSeconds()) : null;
        // Connection row first, then token rows: the same lock order as a grant and a disconnect.
        Mono<RefreshResult> work = connections.recordRefresh(id, accessExpiresAt, policy.dueAt(now, lifetime), now)
                .switchIfEmpty(Mono.error(Superseded::new))
                .flatMap(refreshed -> tokens.replaceRefreshToken(id, previous, fresh.refreshToken(), refreshExpiresAt, now)
                        .flatMap(replaced -> replaced ? Mono.just(refreshed) : Mono.error(new Superseded())))
                .flatMap(refreshed -> tokens.store(id, TokenVault.ACCESS, fresh.accessToken(), accessExpiresAt, now)
                        .map(refreshed::withTokenKeyId))
                .flatMap(refreshed -> outbox.append(events.granted(refreshed, fresh.accessToken(), now))
                        .thenReturn(new RefreshResult(refreshed, RefreshResult.Outcome.REFRESHED,
                                "TikTok issued new tokens; the access token is valid until " + accessExpiresAt + ".")));
        // TikTok has already rotated the refresh token: losing this answer would lose the connection, so a
        // failed commit (database briefly unavailable) is retried before giving up.
        return transactions.transactional(work)
                .retryWhen(Retry.backoff(STORE_RETRIES, Duration.ofMillis(200)).filter(e -> !(e instanceof Superseded))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorResume(Superseded.class, e -> connections.findById(id).map(current -> new RefreshResult(current,
                        RefreshResult.Outcome.SUPERSEDED, "The account was authorised again or disconnected while "
                                + "refreshing; the answer was dropped and the newer state kept.")))
                .doOnNext(result -> {
                    if (result.outcome() == RefreshResult.Outcome.REFRESHED) {
                        log.info("Refreshed the tokens of connection {}; access token valid until {}", id,
                                accessExpiresAt);
                        relay.wake();
                        metrics.refreshed("refreshed");
                    }
                });
    }

    private boolean refused(Throwable e) {
        if (e instanceof LoginKitRejectedException rejected) {
            return LoginKitRejectedException.INVALID_GRANT.equals(rejected.error());
        }
        return e instanceof TikTokRejectedException rejected && reauthErrorCodes.contains(rejected.code());
    }

    private static String reason(Throwable e) {
        return RevocationService.NEEDS_REAUTH_PREFIX + (e instanceof LoginKitRejectedException rejected
                ? rejected.error() : String.valueOf(((TikTokRejectedException) e).code()));
    }

    private Mono<RefreshResult> needsReauth(Connection connection, String reason) {
        Mono<Connection> work = connections.transition(connection.id(), EnumSet.of(ConnectionStatus.ACTIVE),
                        ConnectionStatus.NEEDS_REAUTH, reason, clock.instant(), null)
                .flatMap(changed -> outbox.append(events.revoked(changed, RevocationService.TIKTOK))
                        .thenReturn(changed));
        return transactions.transactional(work)
                .doOnNext(changed -> {
                    log.info("Connection {} needs re-authorisation: TikTok refused its refresh token ({})",
                            changed.id(), reason);
                    relay.wake();
                    metrics.revoked("needs_reauth");
                    metrics.refreshed("needs_reauth");
                })
                .switchIfEmpty(Mono.defer(() -> connections.findById(connection.id())))
                .map(current -> new RefreshResult(current, RefreshResult.Outcome.NEEDS_REAUTH,
                        "TikTok refused the refresh token (" + reason.substring(RevocationService.NEEDS_REAUTH_PREFIX
                                .length()) + "); the account owner must connect the account again."));
    }

    private Mono<RefreshResult> retryLater(Connection connection, Throwable e) {
        Instant retryAt = clock.instant().plus(policy.retryDelay());
        log.warn("Refreshing connection {} failed; retrying at {}: {}", connection.id(), retryAt, e.getMessage());
        metrics.refreshed("retry_later");
        return connections.releaseRefreshLease(connection.id(), retryAt)
                .then(connections.findById(connection.id()))
                .map(current -> new RefreshResult(current, RefreshResult.Outcome.RETRY_LATER,
                        "Refreshing failed (" + e.getMessage() + "); Adpulse retries at " + retryAt + "."));
    }

    /** The connection changed (re-authorised, disconnected) while TikTok answered: the answer is dropped. */
    private static final class Superseded extends RuntimeException {

        Superseded() {
            super("connection changed while refreshing", null, false, false);
        }
    }
}
