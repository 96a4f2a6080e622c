package io.adpulse.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.config.SandboxProperties;

/**
 * The one developer app the sandbox knows, from {@code adpulse.sandbox.app-id} and {@code app-secret}. Login Kit
 * knows the same app as {@code client_key} / {@code client_secret}.
 */
@Component
public class AppCredentials {

    private final String appId;
    private final byte[] secret;

    AppCredentials(SandboxProperties properties) {
        this.appId = properties.appId();
        this.secret = properties.appSecret().getBytes(StandardCharsets.UTF_8);
    }

    public boolean knows(String candidate) {
        return appId.equals(candidate);
    }

    /** True when id and secret are the app's (the secret compared in constant time). */
    public boolean matches(String candidateId, String candidateSecret) {
        return knows(candidateId) && candidateSecret != null
                && MessageDigest.isEqual(secret, candidateSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** Fails with TikTok's 40101 unless the app id and secret match (compared in constant time). */
    void require(String candidateId, String candidateSecret) {
        if (!matches(candidateId, candidateSecret)) {
            throw new ApiException(ApiError.INVALID_PARTNER);
        }
    }
}
