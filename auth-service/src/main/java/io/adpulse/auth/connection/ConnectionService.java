package io.adpulse.auth.connection;

import io.adpulse.auth.outbox.Outbox;
import io.adpulse.auth.outbox.OutboxRelay;
import io.adpulse.auth.tiktok.AuthorizedAdvertiser;
import io.adpulse.auth.tiktok.BusinessGrant;
import io.adpulse.auth.tiktok.CreatorTokens;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Granting and reading connections. A grant covers every advertiser TikTok lists for the access
 * token: each gets (or keeps) the connection {@code adv-<advertiserId>}, the token stored encrypted
 * under that id, and a {@code ConnectionGranted} event — all in one transaction, so either every
 * advertiser of the grant is connected and announced or none is.
 */
@Service
public class ConnectionService {

    private final ConnectionRepository connections;
    private final TokenVault tokens;
    private final ConnectionEvents events;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TransactionalOperator transactions;
    private final ConnectionMetrics metrics;
    private final RefreshPolicy refreshPolicy;
    private final Clock clock;

    ConnectionService(ConnectionRepository connections, TokenVault tokens, ConnectionEvents events, Outbox outbox,
            OutboxRelay relay, TransactionalOperator transactions, ConnectionMetrics metrics, RefreshPolicy refreshPolicy,
            Clock clock) {
        this.refreshPolicy = refreshPolicy;
        this.connections = connections;
        this.tokens = tokens;
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Connects every advertiser of an API-for-Business grant on behalf of {@code actor}. {@code attempt} builds the
     * event announcing the connect attempt from the granted connections; it is appended in the same transaction.
     */
    public Mono<List<Connection>> grantAdvertisers(BusinessGrant grant, List<AuthorizedAdvertiser> advertisers,
            String actor, Function<List<Connection>, EventEnvelope<?>> attempt) {
        UUID grantId = UUID.randomUUID();
        Instant now = clock.instant();
        Mono<List<Connection>> work = Flux.fromIterable(advertisers)
                .concatMap(advertiser -> connections.upsertGranted(
                                Connection.advertiserConnectionId(advertiser.advertiserId()), ConnectionKind.ADVERTISER,
                                advertiser.advertiserId(), advertiser.name(), grantId, grant.scopes(), actor, now)
                        .flatMap(connection -> tokens.storeAccessToken(connection.id(), grant.accessToken(), now)
                                .map(connection::withTokenKeyId))
                        .flatMap(connection -> outbox.append(events.granted(connection, grant.accessToken()))
                                .thenReturn(connection)))
                .collectList()
                .flatMap(granted -> outbox.append(attempt.apply(granted)).thenReturn(granted));
        return transactions.transactional(work)
                .doOnSuccess(granted -> {
                    relay.wake();
                    metrics.granted(ConnectionKind.ADVERTISER, granted.size());
                });
    }

    /**
     * Connects (or re-authorises) the TikTok user of a Login Kit grant as {@code creator-<open_id>}:
     * both tokens stored encrypted with their expiry, the refresh scheduled ahead of the access
     * token's expiry, and {@code ConnectionGranted} published, in one transaction, together with the event
     * {@code attempt} builds to announce the connect attempt.
     */
    public Mono<Connection> grantCreator(CreatorTokens grant, String displayName, String actor,
            Function<List<Connection>, EventEnvelope<?>> attempt) {
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(grant.expiresInSeconds());
        Instant accessExpiresAt = now.plus(lifetime);
        Instant refreshExpiresAt = grant.refreshExpiresInSeconds() > 0
                ? now.plusSeconds(grant.refreshExpiresInSeconds()) : null;
        String id = Connection.creatorConnectionId(grant.openId());
        Mono<Connection> work = connections.upsertGranted(id, ConnectionKind.CREATOR, grant.openId(), displayName,
                        UUID.randomUUID(), grant.scopes(), actor, now, accessExpiresAt,
                        refreshPolicy.dueAt(now, lifetime))
                .flatMap(connection -> tokens.store(id, TokenVault.ACCESS, grant.accessToken(), accessExpiresAt, now)
                        .flatMap(keyId -> tokens.store(id, TokenVault.REFRESH, grant.refreshToken(), refreshExpiresAt,
                                now).thenReturn(connection.withTokenKeyId(keyId))))
                .flatMap(connection -> outbox.append(events.granted(connection, grant.accessToken()))
                        .then(outbox.append(attempt.apply(List.of(connection))))
                        .thenReturn(connection));
        return transactions.transactional(work)
                .doOnSuccess(granted -> {
                    relay.wake();
                    metrics.granted(ConnectionKind.CREATOR, 1);
                });
    }

    public Flux<Connection> list() {
        return connections.findAll();
    }

    /** The connection, or {@link ConnectionNotFoundException}. */
    public Mono<Connection> find(String id) {
        return connections.findById(id).switchIfEmpty(Mono.error(() -> new ConnectionNotFoundException(id)));
    }
}
