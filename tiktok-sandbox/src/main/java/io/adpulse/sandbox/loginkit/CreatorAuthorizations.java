package io.adpulse.sandbox.loginkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.config.SandboxProperties;

/**
 * Login Kit authorizations: single-use codes bound to the PKCE challenge and redirect URI, and per grant an
 * access token ({@code adpulse.sandbox.creator-access-ttl}) and a refresh token
 * ({@code adpulse.sandbox.creator-refresh-ttl}). Refresh tokens rotate: using one removes it atomically, so of two
 * concurrent refreshes with the same token exactly one gets a new pair and the other {@code invalid_grant}. Old
 * access tokens keep working until they expire. Revoking any token of a grant ends the whole grant. Tokens are
 * never logged.
 */
@Component
public class CreatorAuthorizations {

    /** A grant: which app may act for which TikTok user with which scopes. */
    public record CreatorGrant(String grantId, String clientKey, String openId, String scope) {
    }

    /** A token pair as the token endpoint answers it. */
    public record TokenPair(String openId, String scope, String accessToken, long expiresIn, String refreshToken,
                            long refreshExpiresIn) {

        @Override
        public String toString() {
            return "TokenPair[openId=" + openId + ", scope=" + scope + ", accessToken=***, expiresIn=" + expiresIn
                    + ", refreshToken=***, refreshExpiresIn=" + refreshExpiresIn + "]";
        }
    }

    private record PendingCode(String clientKey, String openId, String scope, String redirectUri, String challenge,
                               Instant expiresAt) {
    }

    private record Issued(CreatorGrant grant, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Issued> refreshTokens = new ConcurrentHashMap<>();
    /** Every access and refresh token ever issued, expired ones too: what a secret scan must never find. */
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final SandboxProperties properties;

    public CreatorAuthorizations(Clock clock, SandboxProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** A code for the consent the user just gave; valid once, for {@code auth-code-ttl}. */
    String issueCode(String clientKey, String openId, String scope, String redirectUri, String challenge) {
        String code = random("code.");
        codes.put(code, new PendingCode(clientKey, openId, scope, redirectUri, challenge,
                clock.instant().plus(properties.authCodeTtl())));
        return code;
    }

    /**
     * Redeems a code: it must be live, issued to this client for this redirect URI, and {@code verifier} must
     * hash to its challenge. The code is used up whatever the outcome.
     */
    TokenPair redeem(String clientKey, String code, String redirectUri, String verifier) {
        PendingCode pending = code == null ? null : codes.remove(code);
        if (pending == null || !pending.clientKey().equals(clientKey) || !clock.instant().isBefore(pending.expiresAt())) {
            throw LoginKitException.invalidGrant("Authorization code is expired, already used or was not issued to "
                    + "this client.");
        }
        if (!pending.redirectUri().equals(redirectUri)) {
            throw LoginKitException.invalidGrant("redirect_uri does not match the one of the authorization request.");
        }
        if (!Pkce.matches(verifier, pending.challenge())) {
            throw LoginKitException.invalidGrant("Code verifier or code challenge is invalid.");
        }
        return issue(new CreatorGrant(UUID.randomUUID().toString(), clientKey, pending.openId(), pending.scope()));
    }

    /** Trades a live refresh token for a new pair; the old refresh token stops working at once. */
    TokenPair refresh(String clientKey, String refreshToken) {
        Issued issued = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (issued == null || !issued.grant().clientKey().equals(clientKey)
                || !clock.instant().isBefore(issued.expiresAt()) || !refreshTokens.remove(refreshToken, issued)) {
            throw LoginKitException.invalidGrant("Refresh token is invalid, expired or already used.");
        }
        return issue(issued.grant());
    }

    /** Ends the grant of {@code token} (access or refresh token of this client); unknown tokens change nothing. */
    void revoke(String clientKey, String token) {
        Issued issued = token == null ? null : accessTokens.getOrDefault(token, refreshTokens.get(token));
        if (issued == null || !issued.grant().clientKey().equals(clientKey)) {
            return;
        }
        String grantId = issued.grant().grantId();
        accessTokens.values().removeIf(i -> i.grant().grantId().equals(grantId));
        refreshTokens.values().removeIf(i -> i.grant().grantId().equals(grantId));
    }

    /**
     * Ends every grant {@code openId} gave {@code clientKey}, as when the user removes the app in TikTok's settings.
     *
     * @return how many grants ended
     */
    public int revokeUser(String clientKey, String openId) {
        java.util.Set<String> grants = new java.util.HashSet<>();
        java.util.stream.Stream.concat(accessTokens.values().stream(), refreshTokens.values().stream())
                .map(Issued::grant)
                .filter(g -> g.clientKey().equals(clientKey) && g.openId().equals(openId))
                .forEach(g -> grants.add(g.grantId()));
        accessTokens.values().removeIf(i -> grants.contains(i.grant().grantId()));
        refreshTokens.values().removeIf(i -> grants.contains(i.grant().grantId()));
        return grants.size();
    }

    /**
     * A token pair for {@code openId}'s consent to {@code scope}, without the browser round trip (control API, tests
     * and the local stack only; TikTok has no such thing).
     */
    public TokenPair issueDirectly(String clientKey, String openId, String scope) {
        return issue(new CreatorGrant(UUID.randomUUID().toString(), clientKey, openId, scope));
    }

    /** Every access and refresh token issued so far, expired or revoked too (test-only: for secret scans). */
    public Set<String> issuedTokens() {
        return Set.copyOf(issuedTokens);
    }

    /** The grant behind a live access token, if any. */
    public Optional<CreatorGrant> grantOf(String accessToken) {
        Issued issued = accessToken == null ? null : accessTokens.get(accessToken);
        return issued == null || !clock.instant().isBefore(issued.expiresAt()) ? Optional.empty()
                : Optional.of(issued.grant());
    }

    private TokenPair issue(CreatorGrant grant) {
        Instant now = clock.instant();
        accessTokens.values().removeIf(i -> !now.isBefore(i.expiresAt()));
        refreshTokens.values().removeIf(i -> !now.isBefore(i.expiresAt()));
        String access = random("act.");
        String refresh = random("rft.");
        accessTokens.put(access, new Issued(grant, now.plus(properties.creatorAccessTtl())));
        refreshTokens.put(refresh, new Issued(grant, now.plus(properties.creatorRefreshTtl())));
        issuedTokens.add(access);
        issuedTokens.add(refresh);
        return new TokenPair(grant.openId(), grant.scope(), access, properties.creatorAccessTtl().toSeconds(), refresh,
                properties.creatorRefreshTtl().toSeconds());
    }

    private String random(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
