package io.adpulse.auth.oauth;

import java.time.Instant;

/** A one-time OAuth {@code state} handed to TikTok's consent page, valid until {@code expiresAt}. */
record IssuedState(String state, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedState[state=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
