package io.adpulse.auth.oauth;

import java.net.URI;
import java.time.Instant;

/** Where to send the operator to authorise Adpulse at TikTok, and until when that link works. */
record AuthorizationStart(URI authorizeUrl, Instant expiresAt) {

    @Override
    public String toString() {
        return "AuthorizationStart[authorizeUrl=<contains state>, expiresAt=" + expiresAt + "]";
    }
}
