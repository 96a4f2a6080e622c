package io.adpulse.alerting.alert.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stable identities derived by hashing. A fingerprint identifies one alert condition: the same rule,
 * condition and subject always give the same fingerprint, on any instance and after any restart, so a
 * redelivered observation finds the alert it already raised instead of raising another.
 */
public final class Fingerprint {

    private static final char SEPARATOR = '\u001f';
    private static final int FINGERPRINT_BYTES = 16;

    private Fingerprint() {
    }

    /** 32 hex digits of SHA-256 over the rule name and the identifying parts, in order. */
    public static String of(String rule, String... parts) {
        StringBuilder key = new StringBuilder(rule);
        for (String part : parts) {
            key.append(SEPARATOR).append(part);
        }
        byte[] digest = sha256(key.toString());
        return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
    }

    /** A 64-bit key for a PostgreSQL advisory lock that serializes evaluations of one rule and scope. */
    static long lockKey(String rule, Map<String, String> scope) {
        StringBuilder key = new StringBuilder(rule);
        new TreeMap<>(scope).forEach((k, v) -> key.append(SEPARATOR).append(k).append('=').append(v));
        return ByteBuffer.wrap(sha256(key.toString())).getLong();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
