package io.adpulse.auth.oauth;

/**
 * Query parameters of TikTok's redirect back to Adpulse. TikTok has been seen to send the code as
 * {@code auth_code}, as {@code code} or as both; {@code error} is set when the consent was declined.
 */
record CallbackParams(String authCode, String state, String error) {

    static CallbackParams of(String authCode, String code, String state, String error) {
        return new CallbackParams(blankToNull(authCode) != null ? authCode.strip() : blankToNull(code),
                blankToNull(state), blankToNull(error));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "CallbackParams[authCode=" + (authCode == null ? "none" : "<redacted>") + ", state="
                + (state == null ? "none" : "<redacted>") + ", error=" + error + "]";
    }
}
