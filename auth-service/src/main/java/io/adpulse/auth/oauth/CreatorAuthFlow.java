package io.adpulse.auth.oauth;

import io.adpulse.auth.config.AuthProperties;
import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.connection.ConnectionService;
import io.adpulse.auth.tiktok.LoginKitRejectedException;
import io.adpulse.auth.tiktok.TikTokLoginKitClient;
import io.adpulse.auth.tiktok.TikTokRejectedException;
import io.adpulse.auth.tiktok.TikTokUnavailableException;
import io.adpulse.events.ConnectionKind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The Login Kit v2 flow for creator (TikTok user) accounts: OAuth 2.0 authorisation code with PKCE S256.
 *
 * <p>Start: a one-time state bound to the operator and a fresh PKCE code verifier, both kept server-side
 * (10 minutes, single use); TikTok's authorize URL carries the client key, scopes, redirect URI, state and
 * {@code code_challenge = BASE64URL(SHA-256(verifier))}. Callback: the state is used up first (returning
 * the verifier), must belong to the operator calling back when the gateway names one, then the code is
 * redeemed with the verifier, the user's display name read (best effort) and the account connected as
 * {@code creator-<open_id>}. Every callback, connected or refused, is recorded as a {@code ConnectionAttempted}
 * event ({@link ConnectionAttempts}).
 */
@Service
class CreatorAuthFlow {

    /** Flow name stored with each state, so a state of the advertiser flow cannot be replayed here. */
    static final String FLOW = "TIKTOK_CREATOR";

    private static final Logger log = LoggerFactory.getLogger(CreatorAuthFlow.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int VERIFIER_BYTES = 48;
    private static final Map<String, String> HINTS = Map.of(
            LoginKitRejectedException.INVALID_GRANT, "The authorisation code is invalid, expired or already used, or "
                    + "does not match this authorisation; start connecting again.",
            "invalid_client", "TikTok does not accept Adpulse's client key and secret; an admin must check "
                    + "TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET.");

    private final OAuthStateStore states;
    private final TikTokLoginKitClient tiktok;
    private final ConnectionService connections;
    private final AuthProperties properties;
    private final ConnectionAttempts attempts;

    CreatorAuthFlow(OAuthStateStore states, TikTokLoginKitClient tiktok, ConnectionService connections,
            AuthProperties properties, ConnectionAttempts attempts) {
        this.attempts = attempts;
        this.states = states;
        this.tiktok = tiktok;
        this.connections = connections;
        this.properties = properties;
    }

    Mono<AuthorizationStart> start(String actor) {
        String verifier = newVerifier();
        return states.issue(FLOW, actor, properties.stateTtl(), verifier)
                .map(issued -> new AuthorizationStart(authorizeUrl(issued.state(), challenge(verifier)),
                        issued.expiresAt()));
    }

    /**
     * Completes the flow; fails with {@link CallbackFailedException}.
     *
     * @param callingActor the operator the gateway names on the callback request, or null
     */
    Mono<Connection> complete(CallbackParams params, String callingActor) {
        String attemptId = ConnectionAttempts.newAttemptId();
        Mono<Connection> outcome;
        if (params.error() != null) {
            Mono<String> burnState = params.state() == null ? Mono.empty()
                    : states.consumeWithVerifier(FLOW, params.state()).map(OAuthStateStore.ConsumedState::actor)
                            .onErrorResume(CallbackFailedException.class, e -> Mono.justOrEmpty(e.operator()));
            outcome = burnState.map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(owner -> Mono.error(new CallbackFailedException(CallbackFailure.CONSENT_DENIED,
                            "TikTok reported '" + printable(params.error()) + "': the account owner did not authorise "
                                    + "Adpulse. Start connecting again to retry.", owner.orElse(null))));
        } else if (params.state() == null) {
            outcome = Mono.error(new CallbackFailedException(CallbackFailure.MISSING_STATE,
                    "TikTok's redirect carries no state parameter; start connecting from Adpulse."));
        } else {
            outcome = states.consumeWithVerifier(FLOW, params.state())
                    .flatMap(consumed -> connect(params, consumed, callingActor, attemptId));
        }
        return outcome.doOnError(CallbackFailedException.class, e -> {
            log.info("TikTok Login Kit callback failed: {} ({})", e.failure(), e.getMessage());
        }).onErrorResume(CallbackFailedException.class,
                e -> attempts.refused(attemptId, ConnectionKind.CREATOR, e).then(Mono.error(e)));
    }

    private Mono<Connection> connect(CallbackParams params, OAuthStateStore.ConsumedState consumed,
            String callingActor, String attemptId) {
        String owner = consumed.actor();
        if (callingActor != null && !callingActor.equals(owner)) {
            return Mono.error(new CallbackFailedException(CallbackFailure.ACTOR_MISMATCH,
                    "This authorisation was started by another Adpulse user; start connecting again yourself.", owner));
        }
        if (params.authCode() == null) {
            return Mono.error(new CallbackFailedException(CallbackFailure.MISSING_CODE,
                    "TikTok's redirect carries no code parameter; start connecting again.", owner));
        }
        if (consumed.codeVerifier() == null) {
            return Mono.error(new CallbackFailedException(CallbackFailure.UNKNOWN_STATE,
                    "The state in TikTok's redirect has no PKCE verifier; start connecting the TikTok account again.",
                    owner));
        }
        return tiktok.exchangeCode(params.authCode(), properties.creatorRedirectUri().toString(),
                        consumed.codeVerifier())
                .flatMap(tokens -> tiktok.displayName(tokens.accessToken())
                        .map(Optional::of)
                        .onErrorResume(e -> {
                            log.info("Could not read the display name of TikTok user {}: {}", tokens.openId(),
                                    e.getMessage());
                            return Mono.empty();
                        })
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(name -> connections.grantCreator(tokens, name.orElse(null), owner, granted -> attempts
                                .connected(attemptId, ConnectionKind.CREATOR, owner, granted))))
                .onErrorMap(LoginKitRejectedException.class, e -> new CallbackFailedException(
                        CallbackFailure.TIKTOK_REJECTED, e.getMessage() + ". " + HINTS.getOrDefault(e.error(),
                                "Start connecting again; if it keeps failing, check the app in TikTok's developer "
                                        + "portal.")))
                .onErrorMap(TikTokRejectedException.class, e -> new CallbackFailedException(
                        CallbackFailure.TIKTOK_REJECTED, e.getMessage() + ". Start connecting again."))
                .onErrorMap(TikTokUnavailableException.class, e -> new CallbackFailedException(
                        CallbackFailure.TIKTOK_UNAVAILABLE, e.getMessage() + ". Try connecting again in a few minutes."))
                .onErrorMap(CallbackFailedException.class, e -> e.attributedTo(owner));
    }

    private URI authorizeUrl(String state, String codeChallenge) {
        String base = properties.tiktok().loginKitAuthUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?")
                + "client_key=" + encode(properties.tiktok().clientKey())
                + "&scope=" + encode(String.join(",", properties.tiktok().creatorScopes()))
                + "&response_type=code"
                + "&redirect_uri=" + encode(properties.creatorRedirectUri().toString())
                + "&state=" + encode(state)
                + "&code_challenge=" + encode(codeChallenge)
                + "&code_challenge_method=S256");
    }

    /** A PKCE code verifier: 48 random bytes, base64url (64 characters of the unreserved set). */
    static String newVerifier() {
        byte[] random = new byte[VERIFIER_BYTES];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** {@code BASE64URL(SHA-256(verifier))} without padding (RFC 7636, S256). */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String printable(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
