package io.adpulse.ingest.tiktok;

/** A fault on TikTok's side or on the way there (50000, 50002, 51xxx, 52xxx, 60001, HTTP 5xx or 429, timeouts, refused connections): retry. */
final class TikTokServerException extends TikTokApiException {

    TikTokServerException(String endpoint, int code, int httpStatus, String requestId, String message, Throwable cause) {
        super(endpoint, code, httpStatus, requestId, message, cause);
    }

    @Override
    boolean retryable() {
        return true;
    }
}
