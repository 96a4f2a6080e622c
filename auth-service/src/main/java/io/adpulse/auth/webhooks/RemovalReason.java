package io.adpulse.auth.webhooks;

import java.util.Arrays;

/**
 * Why a TikTok user's authorisation was removed: the {@code reason} code in the content of Login Kit's
 * {@code authorization.removed} webhook, as a readable name for the connection's status reason.
 */
enum RemovalReason {
    UNKNOWN("0"),
    USER_DISCONNECTED("1"),
    ACCOUNT_DELETED("2"),
    AGE_CHANGED("3"),
    ACCOUNT_BANNED("4"),
    DEVELOPER_REVOKED("5");

    private final String code;

    RemovalReason(String code) {
        this.code = code;
    }

    /** The reason for TikTok's code; {@link #UNKNOWN} for a missing or unrecognised one. */
    static RemovalReason ofCode(String code) {
        String trimmed = code == null ? "" : code.strip();
        return Arrays.stream(values()).filter(reason -> reason.code.equals(trimmed)).findFirst().orElse(UNKNOWN);
    }
}
