package io.adpulse.sandbox.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.config.SandboxProperties;

/**
 * Auth codes handed to the redirect URI after consent. A code is single use (redeeming removes it, so a replay
 * fails even if the first exchange is still in flight), belongs to the app it was issued for and expires after
 * {@code adpulse.sandbox.auth-code-ttl} (TikTok: one hour).
 */
@Component
class AuthorizationCodes {

    private record Pending(Grant grant, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SandboxProperties properties;

    AuthorizationCodes(Clock clock, SandboxProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    String issue(String appId, List<String> advertiserIds) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        pending.put(code, new Pending(new Grant(appId, advertiserIds, Grant.SCOPE), clock.instant().plus(properties.authCodeTtl())));
        return code;
    }

    /** The grant behind a code, consuming it; TikTok's 40110 for an unknown, used, expired or foreign code. */
    Grant redeem(String appId, String code) {
        Pending redeemed = code == null ? null : pending.remove(code);
        if (redeemed == null || !redeemed.grant().appId().equals(appId) || !clock.instant().isBefore(redeemed.expiresAt())) {
            throw new ApiException(ApiError.AUTH_CODE_ERROR);
        }
        return redeemed.grant();
    }
}
