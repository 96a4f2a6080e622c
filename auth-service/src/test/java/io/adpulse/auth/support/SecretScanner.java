package io.adpulse.auth.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for plaintext secrets in text and bytes: each secret as is, and as the hex of its UTF-8 bytes (how
 * PostgreSQL prints a {@code bytea} value cast to text). Collects where each was found.
 */
public final class SecretScanner {

    private final Map<String, String> hexBySecret = new HashMap<>();
    private final List<String> findings = new ArrayList<>();

    public SecretScanner(Set<String> secrets) {
        secrets.forEach(secret -> hexBySecret.put(secret,
                HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))));
    }

    /** Scans {@code text} found at {@code location}. */
    public void scan(String location, String text) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase();
        for (Map.Entry<String, String> secret : hexBySecret.entrySet()) {
            if (text.contains(secret.getKey())) {
                findings.add(describe(secret.getKey()) + " in " + location);
            } else if (lower.contains(secret.getValue())) {
                findings.add(describe(secret.getKey()) + " (hex-encoded) in " + location);
            }
        }
    }

    /** Scans raw bytes (a Kafka key, value or header) found at {@code location}. */
    public void scan(String location, byte[] bytes) {
        if (bytes != null) {
            scan(location, new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    /** Where a secret was found, one entry per secret and location. */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    private static String describe(String secret) {
        return "token " + (secret.length() > 12 ? secret.substring(0, 12) + "..." : secret);
    }
}
