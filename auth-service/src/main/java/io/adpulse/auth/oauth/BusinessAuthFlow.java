package io.adpulse.auth.oauth;

import io.adpulse.auth.config.AuthProperties;
import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.connection.ConnectionService;
import io.adpulse.auth.tiktok.AuthorizedAdvertiser;
import io.adpulse.auth.tiktok.BusinessGrant;
import io.adpulse.auth.tiktok.TikTokBusinessClient;
import io.adpulse.auth.tiktok.TikTokRejectedException;
import io.adpulse.auth.tiktok.TikTokUnavailableException;
import io.adpulse.events.ConnectionKind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The API for Business authorisation-code flow.
 *
 * <p>Start: a one-time state bound to the operator, and TikTok's consent URL carrying Adpulse's app id,
 * the state and the redirect URI. Callback: the state is used up first (whatever happens next, it
 * cannot be replayed), must belong to the operator calling back when the gateway names one, then
 * the code is redeemed, the grant's advertisers are discovered with {@code /oauth2/advertiser/get/}
 * (plus any id only the token answer listed) and all of them are connected at once. Connections are
 * attributed to the operator who started the flow. Every callback, connected or refused, is recorded as a
 * {@code ConnectionAttempted} event ({@link ConnectionAttempts}).
 */
@Service
class BusinessAuthFlow {

    /** Flow name stored with each state, so a state of another flow cannot be replayed here. */
    static final String FLOW = "TIKTOK_BUSINESS";

    private static final Logger log = LoggerFactory.getLogger(BusinessAuthFlow.class);
    private static final Map<Integer, String> HINTS = Map.of(
            40110, "The authorisation code is invalid, expired or already used; start connecting again.",
            40101, "TikTok does not accept Adpulse's app id and secret; an admin must check TIKTOK_APP_ID and "
                    + "TIKTOK_APP_SECRET.",
            40113, "TikTok has disabled Adpulse's app; an admin must check the app in TikTok's developer portal.");

    private final OAuthStateStore states;
    private final TikTokBusinessClient tiktok;
    private final ConnectionService connections;
    private final AuthProperties properties;
    private final ConnectionAttempts attempts;

    BusinessAuthFlow(OAuthStateStore states, TikTokBusinessClient tiktok, ConnectionService connections,
            AuthProperties properties, ConnectionAttempts attempts) {
        this.attempts = attempts;
        this.states = states;
        this.tiktok = tiktok;
        this.connections = connections;
        this.properties = properties;
    }

    Mono<AuthorizationStart> start(String actor) {
        return states.issue(FLOW, actor, properties.stateTtl())
                .map(issued -> new AuthorizationStart(authorizeUrl(issued.state()), issued.expiresAt()));
    }

    /**
     * Completes the flow; fails with {@link CallbackFailedException}.
     *
     * @param callingActor the operator the gateway names on the callback request, or null
     */
    Mono<List<Connection>> complete(CallbackParams params, String callingActor) {
        String attemptId = ConnectionAttempts.newAttemptId();
        Mono<List<Connection>> outcome;
        if (params.error() != null) {
            Mono<String> burnState = params.state() == null ? Mono.empty()
                    : states.consume(FLOW, params.state())
                            .onErrorResume(CallbackFailedException.class, e -> Mono.justOrEmpty(e.operator()));
            outcome = burnState.map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(owner -> Mono.error(new CallbackFailedException(CallbackFailure.CONSENT_DENIED,
                            "TikTok reported '" + printable(params.error()) + "': the account owner did not authorise "
                                    + "Adpulse. Start connecting again to retry.", owner.orElse(null))));
        } else if (params.state() == null) {
            outcome = Mono.error(new CallbackFailedException(CallbackFailure.MISSING_STATE,
                    "TikTok's redirect carries no state parameter; start connecting from Adpulse."));
        } else {
            outcome = states.consume(FLOW, params.state())
                    .flatMap(owner -> connect(params, owner, callingActor, attemptId));
        }
        return outcome.doOnError(CallbackFailedException.class, e -> {
            log.info("TikTok authorisation callback failed: {} ({})", e.failure(), e.getMessage());
        }).onErrorResume(CallbackFailedException.class,
                e -> attempts.refused(attemptId, ConnectionKind.ADVERTISER, e).then(Mono.error(e)));
    }

    private Mono<List<Connection>> connect(CallbackParams params, String owner, String callingActor,
            String attemptId) {
        if (callingActor != null && !callingActor.equals(owner)) {
            return Mono.error(new CallbackFailedException(CallbackFailure.ACTOR_MISMATCH,
                    "This authorisation was started by another Adpulse user; start connecting again yourself.", owner));
        }
        if (params.authCode() == null) {
            return Mono.error(new CallbackFailedException(CallbackFailure.MISSING_CODE,
                    "TikTok's redirect carries no auth_code or code parameter; start connecting again.", owner));
        }
        return tiktok.exchangeAuthCode(params.authCode())
                .flatMap(grant -> tiktok.authorizedAdvertisers(grant.accessToken())
                        .map(listed -> advertisersOf(grant, listed))
                        .flatMap(advertisers -> advertisers.isEmpty()
                                ? Mono.error(new CallbackFailedException(CallbackFailure.NO_ADVERTISERS,
                                        "The TikTok authorisation covers no advertiser account; authorise at "
                                                + "least one advertiser on TikTok's consent page."))
                                : connections.grantAdvertisers(grant, advertisers, owner, granted -> attempts
                                        .connected(attemptId, ConnectionKind.ADVERTISER, owner, granted))))
                .onErrorMap(TikTokRejectedException.class, e -> new CallbackFailedException(
                        CallbackFailure.TIKTOK_REJECTED, e.getMessage() + ". "
                                + HINTS.getOrDefault(e.code(), "Start connecting again; if it keeps failing, "
                                        + "check the app's permissions in TikTok's developer portal.")))
                .onErrorMap(TikTokUnavailableException.class, e -> new CallbackFailedException(
                        CallbackFailure.TIKTOK_UNAVAILABLE, e.getMessage() + ". Try connecting again in a few minutes."))
                .onErrorMap(CallbackFailedException.class, e -> e.attributedTo(owner));
    }

    /** Advertisers TikTok listed for the token, then ids only the token answer named, each once. */
    private static List<AuthorizedAdvertiser> advertisersOf(BusinessGrant grant, List<AuthorizedAdvertiser> listed) {
        Map<String, AuthorizedAdvertiser> byId = new LinkedHashMap<>();
        listed.forEach(advertiser -> byId.putIfAbsent(advertiser.advertiserId(), advertiser));
        grant.advertiserIds().forEach(id -> byId.putIfAbsent(id, new AuthorizedAdvertiser(id, null)));
        return new ArrayList<>(byId.values());
    }

    private URI authorizeUrl(String state) {
        String base = properties.tiktok().businessAuthUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?")
                + "app_id=" + encode(properties.tiktok().appId())
                + "&state=" + encode(state)
                + "&redirect_uri=" + encode(properties.businessRedirectUri().toString()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** TikTok's error value, reduced to harmless characters before it is echoed. */
    private static String printable(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
