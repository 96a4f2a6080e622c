package io.adpulse.sandbox.loginkit;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;

/** The query of Login Kit's authorize URL, as the app sends the user to it. */
record AuthorizeRequest(String clientKey, String responseType, String scope, String redirectUri, String state,
                        String codeChallenge, String codeChallengeMethod) {

    /** Scopes the sandbox grants (TikTok's Login Kit / Display API scopes). */
    static final Set<String> SCOPES = Set.of("user.info.basic", "user.info.profile", "user.info.stats", "video.list",
            "video.publish", "comment.list", "comment.list.manage");

    /**
     * What is wrong with the request, or null. A bad client or redirect URI is never redirected to; TikTok shows
     * an error page instead.
     */
    String problem(boolean knownClient) {
        if (!knownClient) {
            return "Unknown client_key. The app is not registered with TikTok Login Kit.";
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            return "redirect_uri is required.";
        }
        try {
            URI uri = URI.create(redirectUri);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getFragment() != null) {
                return "redirect_uri must be an absolute http(s) URI without a fragment.";
            }
        } catch (IllegalArgumentException malformed) {
            return "redirect_uri is not a valid URI.";
        }
        if (!"code".equals(responseType)) {
            return "response_type must be code.";
        }
        if (scope == null || scope.isBlank()) {
            return "scope is required.";
        }
        String unknown = Arrays.stream(scope.split(",")).map(String::trim).filter(s -> !SCOPES.contains(s))
                .reduce((a, b) -> a + ", " + b).orElse(null);
        if (unknown != null) {
            return "Unknown scope(s): " + unknown + ".";
        }
        if (!Pkce.METHOD.equals(codeChallengeMethod)) {
            return "code_challenge_method must be S256.";
        }
        if (!Pkce.validChallenge(codeChallenge)) {
            return "code_challenge must be BASE64URL(SHA-256(code_verifier)) without padding (43 characters).";
        }
        return null;
    }
}
