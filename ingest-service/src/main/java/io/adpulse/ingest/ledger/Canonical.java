package io.adpulse.ingest.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Canonical text of observed values, so equal values always give the same text: maps sorted by key,
 * decimals without trailing zeros ("20.00" and "20.000" are the same amount), nulls spelt out.
 */
public final class Canonical {

    private static final String SEPARATOR = "\u001f";

    private Canonical() {
    }

    public static String of(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(render(part)).append(SEPARATOR);
        }
        return text.toString();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String render(Object part) {
        if (part == null) {
            return "\u2205";
        }
        if (part instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (part instanceof Map<?, ?> map) {
            return new TreeMap<>(map).entrySet().stream()
                    .map(e -> render(e.getKey()) + "=" + render(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (part instanceof Collection<?> items) {
            return items.stream().map(Canonical::render).sorted().collect(Collectors.joining(",", "[", "]"));
        }
        return part.toString();
    }
}
