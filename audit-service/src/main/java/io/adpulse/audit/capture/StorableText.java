package io.adpulse.audit.capture;

import java.nio.charset.StandardCharsets;

/**
 * Makes text storable in a PostgreSQL {@code text} column unchanged: NUL, which PostgreSQL rejects, becomes
 * U+FFFD, and unpaired surrogates, which UTF-8 cannot carry, become what the UTF-8 encoder makes of them.
 * Applied before hashing, so the hash covers what is read back.
 */
public final class StorableText {

    private StorableText() {
    }

    /** {@code null} stays {@code null}. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    /** {@link #of} and at most {@code max} characters, marked with an ellipsis when cut. */
    public static String of(String text, int max) {
        String storable = of(text);
        if (storable == null || storable.length() <= max) {
            return storable;
        }
        return storable.substring(0, max - 1) + "…";
    }
}
