package io.adpulse.sandbox.traffic;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One injected failure, applied to the next {@code times} calls of a path.
 *
 * @param id         handle of the fault
 * @param path       full API path ({@code /open_api/v1.3/report/integrated/get/}, {@code /v2/video/list/}) or
 *                   {@code *} for every path
 * @param remaining  calls it still applies to
 * @param code       a TikTok code to answer in the envelope (HTTP 200), or null
 * @param message    the message going with {@code code}
 * @param error      a Display API v2 error code ({@code rate_limit_exceeded}...) to answer with its HTTP status, or null
 * @param httpStatus an HTTP status to answer instead of TikTok's envelope (a gateway error), or null
 * @param delay      how long to hold the call first (then fail, or answer normally when neither code nor status)
 * @param body       a broken Marketing API answer instead: {@code malformed} (HTTP 200, JSON that does not parse) or
 *                   {@code truncated} (the real answer cut off halfway), or null
 */
record Fault(String id, String path, int remaining, Integer code, String message, String error, Integer httpStatus,
             Duration delay, String body) {

    /** The broken bodies a fault can answer. */
    static final Set<String> BODIES = Set.of("malformed", "truncated");

    /** The Display API v2 error codes a fault can answer, with their HTTP status. */
    static final Map<String, Integer> DISPLAY_ERRORS = Map.of("access_token_invalid", 401,
            "scope_not_authorized", 401, "scope_permission_missed", 400, "invalid_params", 400,
            "rate_limit_exceeded", 429, "internal_error", 500);

    /**
     * Whether the fault applies to a call of {@code requestPath}: its path (or {@code *}) matches, and a fault
     * answering a Marketing API code only hits Marketing API paths, one answering a Display API error only
     * Display API paths.
     */
    boolean appliesTo(String requestPath, boolean displayApi) {
        boolean matches = "*".equals(path) || path.equals(requestPath);
        return matches && !((code != null || body != null) && displayApi) && !(error != null && !displayApi);
    }

    Fault used() {
        return new Fault(id, path, remaining - 1, code, message, error, httpStatus, delay, body);
    }
}
