package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.sync.TokenRejected;

/**
 * TikTok no longer accepts the access token (40102 expired, 40105 invalid or revoked, 40114 advertiser
 * logged out; 40103/40107 for refresh tokens): retrying cannot help; the connection must be granted again.
 */
final class TikTokTokenRejectedException extends TikTokApiException implements TokenRejected {

    TikTokTokenRejectedException(String endpoint, int code, int httpStatus, String requestId, String message,
            Throwable cause) {
        super(endpoint, code, httpStatus, requestId, message, cause);
    }

    @Override
    boolean retryable() {
        return false;
    }
}
