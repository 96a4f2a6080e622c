package io.adpulse.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * One-time OAuth {@code state} values, which tie TikTok's redirect back to the operator who started
 * it (CSRF protection for the callback). A state is 32 random bytes, base64url; only its SHA-256 is
 * stored. Consuming is one conditional update, so of two concurrent callbacks with the same state
 * exactly one proceeds. Expired states are kept a day so a late callback hears "expired" rather than
 * "unknown", then purged when new states are issued.
 */
@Repository
class OAuthStateStore {

    private static final int STATE_BYTES = 32;
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final Clock clock;

    OAuthStateStore(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a state for {@code flow}, started by {@code actor}, valid for {@code ttl}. */
    Mono<IssuedState> issue(String flow, String actor, Duration ttl) {
        return issue(flow, actor, ttl, null);
    }

    /**
     * As above, keeping the PKCE {@code codeVerifier} with the state until it is used up (it never
     * leaves the server; TikTok only sees its hash).
     */
    Mono<IssuedState> issue(String flow, String actor, Duration ttl, String codeVerifier) {
        byte[] random = new byte[STATE_BYTES];
        RANDOM.nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        Mono<Void> purge = db.sql("delete from oauth_state where expires_at < :cutoff")
                .bind("cutoff", at(now.minus(KEEP_EXPIRED)))
                .then();
        var insertSpec = db.sql("""
                insert into oauth_state (state_hash, flow, actor, created_at, expires_at, code_verifier)
                values (:hash, :flow, :actor, :createdAt, :expiresAt, :verifier)
                """)
                .bind("hash", hash(state))
                .bind("flow", flow)
                .bind("actor", actor)
                .bind("createdAt", at(now))
                .bind("expiresAt", at(expiresAt));
        Mono<Void> insert = (codeVerifier == null ? insertSpec.bindNull("verifier", String.class)
                : insertSpec.bind("verifier", codeVerifier)).then();
        return purge.then(insert).thenReturn(new IssuedState(state, expiresAt));
    }

    /**
     * Uses up {@code state} and emits the actor who started the flow; fails with a
     * {@link CallbackFailedException} when the state is unknown, already used or expired.
     */
    Mono<String> consume(String flow, String state) {
        return consumeWithVerifier(flow, state).map(ConsumedState::actor);
    }

    /**
     * Uses up {@code state} like {@link #consume} and also hands back (and erases) the PKCE code
     * verifier stored with it; {@code codeVerifier} is null for flows without PKCE.
     */
    Mono<ConsumedState> consumeWithVerifier(String flow, String state) {
        String hash = hash(state);
        Instant now = clock.instant();
        return db.sql("""
                with previous as (
                    select state_hash, code_verifier from oauth_state
                     where state_hash = :hash and flow = :flow and consumed_at is null
                       for update
                )
                update oauth_state s set consumed_at = :now, code_verifier = null
                  from previous
                 where s.state_hash = previous.state_hash and s.consumed_at is null
                returning s.actor, s.expires_at, previous.code_verifier
                """)
                .bind("now", at(now))
                .bind("hash", hash)
                .bind("flow", flow)
                .map(row -> new Owner(row.get("actor", String.class),
                        row.get("expires_at", OffsetDateTime.class).toInstant(),
                        row.get("code_verifier", String.class)))
                .one()
                .switchIfEmpty(Mono.defer(() -> notConsumable(flow, hash)))
                .flatMap(owner -> owner.expiresAt().isAfter(now)
                        ? Mono.just(new ConsumedState(owner.actor(), owner.codeVerifier()))
                        : Mono.error(new CallbackFailedException(CallbackFailure.EXPIRED_STATE,
                                "This authorisation link expired at " + owner.expiresAt()
                                        + "; start connecting the TikTok account again.", owner.actor())));
    }

    /** A used-up state: who started the flow and the PKCE verifier kept with it (null without PKCE). */
    record ConsumedState(String actor, String codeVerifier) {

        @Override
        public String toString() {
            return "ConsumedState[actor=" + actor + ", codeVerifier=<redacted>]";
        }
    }

    private Mono<Owner> notConsumable(String flow, String hash) {
        return db.sql("select actor from oauth_state where state_hash = :hash and flow = :flow")
                .bind("hash", hash)
                .bind("flow", flow)
                .map(row -> Optional.ofNullable(row.get("actor", String.class)))
                .one()
                .defaultIfEmpty(Optional.empty())
                .flatMap(actor -> Mono.error(actor.isPresent()
                        ? new CallbackFailedException(CallbackFailure.REUSED_STATE,
                                "This authorisation was already completed or abandoned (its state is single-use); "
                                        + "start connecting the TikTok account again.", actor.get())
                        : new CallbackFailedException(CallbackFailure.UNKNOWN_STATE,
                                "The state in TikTok's redirect was not issued by Adpulse or is too old; "
                                        + "start connecting the TikTok account again.")));
    }

    private static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Owner(String actor, Instant expiresAt, String codeVerifier) {
    }
}
