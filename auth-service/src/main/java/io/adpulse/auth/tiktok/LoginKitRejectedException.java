package io.adpulse.auth.tiktok;

/**
 * TikTok's Login Kit (v2 OAuth) refused a request with an OAuth error such as {@code invalid_grant}
 * (code, refresh token or verifier invalid, expired, used or revoked) or {@code invalid_client}.
 * Retrying will not help. The message names the endpoint, the error and TikTok's description, never a token.
 */
public class LoginKitRejectedException extends RuntimeException {

    /** The refresh token or authorisation code is no longer usable: only the account owner can fix it. */
    public static final String INVALID_GRANT = "invalid_grant";

    private final String error;

    public LoginKitRejectedException(String endpoint, String error, String description) {
        super("TikTok refused " + endpoint + " with " + error
                + (description == null || description.isBlank() ? "" : ": " + description));
        this.error = error;
    }

    /** TikTok's OAuth error, e.g. {@code invalid_grant}. */
    public String error() {
        return error;
    }
}
