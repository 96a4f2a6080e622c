package io.adpulse.sandbox.oauth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;

/**
 * Long-lived Marketing API access tokens, one per grant, random and unguessable. Like TikTok's they never expire
 * on a timer; they stop working only when revoked. Tokens are never logged.
 */
@Component
public class AccessTokens {

    /** The request header TikTok reads the token from (not {@code Authorization: Bearer}). */
    public static final String HEADER = "Access-Token";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    /** Every token ever issued, revoked ones too: what a secret scan must never find in plaintext. */
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    /** Mints a token for the grant. */
    public String issue(Grant grant) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        grants.put(token, grant);
        issued.add(token);
        return token;
    }

    /** Every token issued so far, live or revoked (test-only: for secret scans). */
    public Set<String> issuedTokens() {
        return Set.copyOf(issued);
    }

    /** The grant behind an {@code Access-Token} header: TikTok's 40104 when missing, 40105 when unknown or revoked. */
    public Grant require(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(ApiError.EMPTY_ACCESS_TOKEN);
        }
        Grant grant = grants.get(header.trim());
        if (grant == null) {
            throw new ApiException(ApiError.INVALID_ACCESS_TOKEN);
        }
        return grant;
    }

    /** The app a token belongs to, if the token is live. */
    public Optional<String> appOf(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(grants.get(token.trim())).map(Grant::appId);
    }

    /** Revokes the app's token; TikTok's 40105 if it is not a live token of that app. */
    void revoke(String appId, String token) {
        Grant grant = token == null ? null : grants.get(token);
        if (grant == null || !grant.appId().equals(appId) || !grants.remove(token, grant)) {
            throw new ApiException(ApiError.INVALID_ACCESS_TOKEN);
        }
    }
}
