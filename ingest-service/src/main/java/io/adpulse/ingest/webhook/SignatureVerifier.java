package io.adpulse.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;

/**
 * Checks TikTok's {@code TikTok-Signature: t=<unix seconds>,s=<hex>} header: {@code s} must equal
 * {@code hex(HMAC-SHA256(client_secret, t + "." + raw body))} for one of the app's secrets (compared in constant
 * time), and {@code t} must lie within the tolerance of now, so a captured delivery cannot be replayed later.
 */
final class SignatureVerifier {

    /** Header TikTok signs with; header names are case-insensitive. */
    static final String HEADER = "TikTok-Signature";

    private static final String HMAC = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 1024;

    private final List<byte[]> secrets;
    private final Duration tolerance;

    SignatureVerifier(List<String> secrets, Duration tolerance) {
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
    }

    /**
     * Returns normally when {@code header} signs {@code body} with a current timestamp.
     *
     * @throws WebhookRejectedException 401 naming what is wrong: missing or malformed header, stale timestamp,
     *                                  signature mismatch
     */
    void verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            throw rejected("missing_signature", "The " + HEADER + " header is missing.");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw rejected("malformed_signature", "The " + HEADER + " header is too long.");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("t")) {
                timestamp = value;
            } else if (name.equals("s")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw rejected("malformed_signature", "The " + HEADER + " header must look like t=<unix seconds>,s=<hex>.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw rejected("malformed_signature", "The " + HEADER + " timestamp is not a number of seconds.");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            throw rejected("stale_timestamp", "The " + HEADER + " timestamp is more than " + tolerance.toSeconds()
                    + " s away from now; a delivery is accepted only while it is fresh.");
        }
        byte[] signedPayload = signedPayload(timestamp, body);
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, signedPayload);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, decodeHex(signature))) {
                    return;
                }
            }
        }
        throw rejected("bad_signature", "The " + HEADER + " signature does not match the body.");
    }

    /** The header value TikTok would send for {@code body} at {@code timestamp}; for the sandbox and tests. */
    static String sign(String secret, long timestamp, byte[] body) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8), signedPayload(Long.toString(timestamp), body));
        return "t=" + timestamp + ",s=" + HexFormat.of().formatHex(mac);
    }

    private static byte[] signedPayload(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        return payload;
    }

    private static byte[] hmac(byte[] secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Hex to bytes; anything that is not hex decodes to an empty array, which never matches. */
    private static byte[] decodeHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex.toLowerCase());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static WebhookRejectedException rejected(String reason, String detail) {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, reason, detail);
    }
}
