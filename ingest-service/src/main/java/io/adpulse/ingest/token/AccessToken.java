package io.adpulse.ingest.token;

import java.util.Objects;

/** An opened TikTok access token. Secret: {@link #toString()} never shows it. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("access token is blank");
        }
    }

    /** {@code text} with every occurrence of this token replaced, for messages that might echo it. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "<redacted>");
    }

    @Override
    public String toString() {
        return "AccessToken[<redacted>]";
    }
}
