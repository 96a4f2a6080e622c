package io.adpulse.auth.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * TikTok Login Kit v2 as the tests need it, with TikTok's semantics: form requests, flat JSON answers,
 * OAuth errors with HTTP 400, codes bound to a PKCE challenge and single use, refresh tokens rotated
 * (removed atomically when used, so of two concurrent refreshes with one token only one succeeds).
 * Tests script which code authorises which user, how long access tokens live and failures.
 */
public final class LoginKit {

    private record Authorization(String challenge, String openId, String scope) {
    }

    private record Grant(String grantId, String openId, String scope) {
    }

    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedAccessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> spentRefreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unavailableRefreshes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusedRefreshes = new ConcurrentHashMap<>();
    private final Map<String, String> displayNames = new ConcurrentHashMap<>();
    private final Set<String> brokenCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> issued = new ConcurrentHashMap<>();
    private final AtomicLong accessTtlSeconds = new AtomicLong(7200);
    private volatile Duration refreshDelay = Duration.ZERO;
    private volatile CompletableFuture<Void> refreshGate =
            CompletableFuture.completedFuture(null);

    /** The user consents: {@code code} redeems once, with the verifier of {@code challenge}, for {@code openId}. */
    public void willAuthorize(String code, String challenge, String openId, String displayName) {
        codes.put(code, new Authorization(challenge, openId, "user.info.basic,video.list"));
        displayNames.put(openId, displayName);
    }

    /** {@code expires_in} of access tokens issued from now on. */
    public void accessTokensLive(Duration ttl) {
        accessTtlSeconds.set(ttl.toSeconds());
    }

    /** Token answers to refreshes are held this long (to make concurrent refreshes overlap). */
    public void delayRefreshes(Duration delay) {
        refreshDelay = delay;
    }

    /** Refresh answers wait until {@link #releaseRefreshes()} (TikTok has the request but not yet answered). */
    public void holdRefreshes() {
        refreshGate = new CompletableFuture<>();
    }

    public void releaseRefreshes() {
        refreshGate.complete(null);
    }

    /** The next {@code times} refreshes for {@code openId} fail with HTTP 503 before TikTok acts. */
    public void failRefreshes(String openId, int times) {
        unavailableRefreshes.put(openId, new AtomicInteger(times));
    }

    /** Redeeming {@code code} fails with HTTP 503 before TikTok acts, as during an outage. */
    public void willBreak(String code) {
        brokenCodes.add(code);
    }

    /** The user removed Adpulse's access on TikTok's side: every token of theirs stops working. */
    public void removeAuthorization(String openId) {
        accessTokens.values().removeIf(grant -> grant.openId().equals(openId));
        refreshTokens.values().removeIf(grant -> grant.openId().equals(openId));
    }

    /** How many refreshes presented a spent (already rotated) refresh token of the user. */
    public int refusedRefreshes(String openId) {
        AtomicInteger count = refusedRefreshes.get(openId);
        return count == null ? 0 : count.get();
    }

    /** The live refresh tokens of the user. */
    public List<String> liveRefreshTokens(String openId) {
        return refreshTokens.entrySet().stream().filter(e -> e.getValue().openId().equals(openId))
                .map(Map.Entry::getKey).toList();
    }

    /** The newest live access token of the user's grant: the one issued with the live refresh token. */
    public boolean isLiveAccessToken(String token) {
        return accessTokens.containsKey(token);
    }

    /** Every access and refresh token ever issued to the user. */
    public List<String> allTokensIssued(String openId) {
        return List.copyOf(issued.getOrDefault(openId, List.of()));
    }

    public boolean wasRevoked(String accessToken) {
        return revokedAccessTokens.contains(accessToken);
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return request.formData().flatMap(form -> {
            if (!credentialsValid(form)) {
                return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client key or secret is invalid.");
            }
            String grantType = form.getFirst("grant_type");
            if ("authorization_code".equals(grantType)) {
                if (brokenCodes.contains(String.valueOf(form.getFirst("code")))) {
                    return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build();
                }
                Authorization authorization = codes.remove(String.valueOf(form.getFirst("code")));
                if (authorization == null) {
                    return error(HttpStatus.BAD_REQUEST, "invalid_grant", "Authorization code is expired.");
                }
                if (!challengeOf(String.valueOf(form.getFirst("code_verifier"))).equals(authorization.challenge())) {
                    return error(HttpStatus.BAD_REQUEST, "invalid_grant", "Code verifier or code challenge is invalid.");
                }
                return pair(new Grant(UUID.randomUUID().toString(), authorization.openId(), authorization.scope()));
            }
            if ("refresh_token".equals(grantType)) {
                String refresh = String.valueOf(form.getFirst("refresh_token"));
                Grant grant = refreshTokens.get(refresh);
                if (grant != null) {
                    AtomicInteger failures = unavailableRefreshes.get(grant.openId());
                    if (failures != null && failures.getAndDecrement() > 0) {
                        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build();
                    }
                }
                Mono<ServerResponse> answer = Mono.defer(() -> {
                    if (grant == null || !refreshTokens.remove(refresh, grant)) {
                        String openId = grant != null ? grant.openId() : spentRefreshTokens.get(refresh);
                        if (openId != null) {
                            refusedRefreshes.computeIfAbsent(openId, k -> new AtomicInteger()).incrementAndGet();
                        }
                        return error(HttpStatus.BAD_REQUEST, "invalid_grant", "Refresh token is invalid or expired.");
                    }
                    spentRefreshTokens.put(refresh, grant.openId());
                    return pair(grant);
                });
                CompletableFuture<Void> gate = refreshGate;
                Mono<ServerResponse> held = Mono.fromFuture(gate).then(answer);
                return refreshDelay.isZero() ? held : Mono.delay(refreshDelay).then(held);
            }
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Unsupported grant_type.");
        });
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return request.formData().flatMap(form -> {
            if (!credentialsValid(form)) {
                return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client key or secret is invalid.");
            }
            String token = String.valueOf(form.getFirst("token"));
            Grant grant = accessTokens.get(token);
            if (grant != null) {
                revokedAccessTokens.add(token);
                accessTokens.values().removeIf(g -> g.grantId().equals(grant.grantId()));
                refreshTokens.values().removeIf(g -> g.grantId().equals(grant.grantId()));
            }
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        });
    }

    Mono<ServerResponse> userInfo(ServerRequest request) {
        String header = request.headers().firstHeader("Authorization");
        Grant grant = header == null || !header.startsWith("Bearer ") ? null : accessTokens.get(header.substring(7));
        if (grant == null) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":\"invalid\"}}");
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(
                "{\"data\":{\"user\":{\"open_id\":\"%s\",\"display_name\":\"%s\"}},\"error\":{\"code\":\"ok\",\"message\":\"\"}}"
                        .formatted(grant.openId(), displayNames.getOrDefault(grant.openId(), "")));
    }

    private Mono<ServerResponse> pair(Grant grant) {
        String access = "act." + UUID.randomUUID();
        String refresh = "rft." + UUID.randomUUID();
        accessTokens.put(access, grant);
        refreshTokens.put(refresh, grant);
        IssuedTokens.issued(access);
        IssuedTokens.issued(refresh);
        issued.computeIfAbsent(grant.openId(), k -> new CopyOnWriteArrayList<>())
                .addAll(List.of(access, refresh));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"open_id":"%s","scope":"%s","access_token":"%s","expires_in":%d,"refresh_token":"%s",\
                "refresh_expires_in":15552000,"token_type":"Bearer"}""".formatted(grant.openId(), grant.scope(), access,
                accessTtlSeconds.get(), refresh));
    }

    private static boolean credentialsValid(MultiValueMap<String, String> form) {
        return FakeTikTok.APP_ID.equals(form.getFirst("client_key"))
                && FakeTikTok.APP_SECRET.equals(form.getFirst("client_secret"));
    }

    private static Mono<ServerResponse> error(HttpStatus status, String error, String description) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(
                "{\"error\":\"%s\",\"error_description\":\"%s\",\"log_id\":\"%s\"}".formatted(error, description,
                        UUID.randomUUID()));
    }

    /** {@code BASE64URL(SHA-256(verifier))}. */
    public static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
