package io.adpulse.auth.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every access and refresh token the TikTok fakes handed out in this test JVM, so the secret scan at the end of the
 * suite knows what must never appear in plaintext anywhere.
 */
public final class IssuedTokens {

    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

    private IssuedTokens() {
    }

    static void issued(String token) {
        if (token != null && !token.isEmpty()) {
            TOKENS.add(token);
        }
    }

    /** A snapshot of every token issued so far. */
    public static Set<String> all() {
        return Set.copyOf(TOKENS);
    }
}
