package io.adpulse.auth.tiktok;

/**
 * TikTok could not be asked or could not answer: connection refused, timeout, an HTTP error, a body
 * that is not TikTok's envelope, or a transient code (rate limit, system error, maintenance).
 * Messages name the endpoint and the cause, never the request URI (it may carry the app secret).
 */
public class TikTokUnavailableException extends RuntimeException {

    private final boolean safeToRepeat;

    public TikTokUnavailableException(String message, boolean safeToRepeat) {
        super(message);
        this.safeToRepeat = safeToRepeat;
    }

    /**
     * True when TikTok certainly did not act on the request (it never arrived, or TikTok throttled it
     * before processing), so even a call that is not idempotent, like redeeming an authorisation
     * code, may be sent again.
     */
    public boolean safeToRepeat() {
        return safeToRepeat;
    }
}
