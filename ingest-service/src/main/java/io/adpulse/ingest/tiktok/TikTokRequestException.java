package io.adpulse.ingest.tiktok;

/** TikTok rejected the request itself (bad parameters, unknown objects, query too large): retrying the same request cannot help. */
final class TikTokRequestException extends TikTokApiException {

    TikTokRequestException(String endpoint, int code, int httpStatus, String requestId, String message, Throwable cause) {
        super(endpoint, code, httpStatus, requestId, message, cause);
    }

    @Override
    boolean retryable() {
        return false;
    }
}
