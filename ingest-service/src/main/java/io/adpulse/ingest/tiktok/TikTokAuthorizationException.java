package io.adpulse.ingest.tiktok;

/**
 * The app or the token lacks a permission for the call (40001, 40101, 40104, 40113, 40118, 40125, 40130):
 * retrying cannot help; the app's setup needs attention. A token TikTok no longer accepts at all is a
 * {@link TikTokTokenRejectedException} instead.
 */
final class TikTokAuthorizationException extends TikTokApiException {

    TikTokAuthorizationException(String endpoint, int code, int httpStatus, String requestId, String message, Throwable cause) {
        super(endpoint, code, httpStatus, requestId, message, cause);
    }

    @Override
    boolean retryable() {
        return false;
    }
}
