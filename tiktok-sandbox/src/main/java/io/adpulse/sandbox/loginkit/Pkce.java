package io.adpulse.sandbox.loginkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PKCE (RFC 7636) with method S256: {@code code_challenge = BASE64URL(SHA-256(code_verifier))} without padding,
 * the verifier 43-128 characters of {@code [A-Za-z0-9-._~]}. (Whether real TikTok desktop apps must send the
 * challenge hex-encoded instead is unsure, see tiktok-api.md §3.2; the sandbox follows the RFC.)
 */
final class Pkce {

    static final String METHOD = "S256";
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    static boolean validChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /** True when {@code verifier} is well formed and hashes to {@code challenge}. */
    static boolean matches(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        return MessageDigest.isEqual(challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
