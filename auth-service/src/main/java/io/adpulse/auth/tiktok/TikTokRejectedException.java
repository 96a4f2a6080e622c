package io.adpulse.auth.tiktok;

/**
 * TikTok answered with a non-zero, non-transient {@code code}: the request itself was refused (bad
 * or used authorisation code, wrong app credentials, revoked token). Retrying will not help.
 */
public class TikTokRejectedException extends RuntimeException {

    private final String endpoint;
    private final int code;

    public TikTokRejectedException(String endpoint, int code, String tiktokMessage) {
        super("TikTok refused " + endpoint + " with code " + code
                + (tiktokMessage == null || tiktokMessage.isBlank() ? "" : ": " + tiktokMessage));
        this.endpoint = endpoint;
        this.code = code;
    }

    public String endpoint() {
        return endpoint;
    }

    public int code() {
        return code;
    }
}
