package io.adpulse.ingest.tiktok;

/** TikTok throttled the app or the advertiser (40100, 40016, 40132, 40133): wait and retry. */
final class TikTokRateLimitedException extends TikTokApiException {

    TikTokRateLimitedException(String endpoint, int code, int httpStatus, String requestId, String message, Throwable cause) {
        super(endpoint, code, httpStatus, requestId, message, cause);
    }

    @Override
    boolean retryable() {
        return true;
    }
}
