package io.adpulse.ingest.tiktok;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import java.util.Set;

/**
 * TikTok's error codes, by what a caller can do about them. TikTok answers most failures with HTTP 200
 * and a non-zero {@code code}; HTTP error statuses only come from in front of the API (gateways, 404 for
 * a path without its trailing slash).
 */
final class TikTokErrors {

    /** Success, and partial success (20001), whose data is usable. */
    static final Set<Integer> SUCCESS = Set.of(0, 20001);

    private static final Set<Integer> RATE_LIMITED = Set.of(40016, 40100, 40132, 40133);
    /** The token itself is dead; the same codes make auth-service ask for re-authorisation. */
    private static final Set<Integer> TOKEN_REJECTED = Set.of(40102, 40103, 40105, 40107, 40114);
    private static final Set<Integer> AUTHORIZATION = Set.of(40001, 40101, 40104, 40113, 40118, 40125, 40130);
    private static final Set<Integer> SERVER = Set.of(50000, 50002, 60001);

    private TikTokErrors() {
    }

    /** The typed failure for a non-success {@code code} in an HTTP 200 answer. */
    static TikTokApiException forCode(String endpoint, int code, String message, String requestId) {
        return forCode("GET", endpoint, code, message, requestId);
    }

    /** {@link #forCode(String, int, String, String)} for a call made with {@code method}. */
    static TikTokApiException forCode(String method, String endpoint, int code, String message, String requestId) {
        String text = method + " " + endpoint + " failed with TikTok code " + code + " (" + message + ")"
                + (requestId == null ? "" : " [request_id " + requestId + "]");
        if (RATE_LIMITED.contains(code)) {
            return new TikTokRateLimitedException(endpoint, code, 200, requestId, text, null);
        }
        if (TOKEN_REJECTED.contains(code)) {
            return new TikTokTokenRejectedException(endpoint, code, 200, requestId, text, null);
        }
        if (AUTHORIZATION.contains(code)) {
            return new TikTokAuthorizationException(endpoint, code, 200, requestId, text, null);
        }
        if (SERVER.contains(code) || code / 1000 == 51 || code / 1000 == 52) {
            return new TikTokServerException(endpoint, code, 200, requestId, text, null);
        }
        return new TikTokRequestException(endpoint, code, 200, requestId, text, null);
    }

    /**
     * The typed failure for a Display API v2 error ({@code error.code} a string, with an HTTP error status). Each
     * is reported under the numeric code of its Marketing API equivalent, so that consumers of
     * {@code tiktok.api-errors.v1} treat both APIs alike (auth-service acts on 40105 for a dead token):
     * {@code access_token_invalid} → 40105 (token rejected), {@code scope_not_authorized} and
     * {@code scope_permission_missed} → 40001 (authorisation), {@code rate_limit_exceeded} → 40100 (rate limited),
     * {@code invalid_params} → 40002 (bad request), {@code internal_error} → 50000 (TikTok-side). Other codes follow
     * the HTTP status. The string code stays in the message.
     */
    static TikTokApiException forDisplayError(String endpoint, int status, String error, String message,
            String logId, String retryAfter, Instant now) {
        return forDisplayError("POST", endpoint, status, error, message, logId, retryAfter, now);
    }

    /** As {@link #forDisplayError(String, int, String, String, String, String, Instant)} for a call of {@code method}. */
    static TikTokApiException forDisplayError(String method, String endpoint, int status, String error, String message,
            String logId, String retryAfter, Instant now) {
        String text = method + " " + endpoint + " failed with HTTP " + status + " and TikTok error " + error + " ("
                + message + ")" + (logId == null ? "" : " [log_id " + logId + "]");
        return switch (error) {
            case "access_token_invalid" -> new TikTokTokenRejectedException(endpoint, 40105, status, logId, text, null);
            case "scope_not_authorized", "scope_permission_missed" ->
                    new TikTokAuthorizationException(endpoint, 40001, status, logId, text, null);
            case "rate_limit_exceeded" -> new TikTokRateLimitedException(endpoint, 40100, status, logId, text, null);
            case "invalid_params" -> new TikTokRequestException(endpoint, 40002, status, logId, text, null);
            case "internal_error" -> new TikTokServerException(endpoint, 50000, status, logId, text, null,
                    retryAfter(retryAfter, now));
            default -> status >= 500 || status == 429
                    ? new TikTokServerException(endpoint, TikTokApiException.NO_CODE, status, logId, text, null,
                            retryAfter(retryAfter, now))
                    : new TikTokRequestException(endpoint, TikTokApiException.NO_CODE, status, logId, text, null);
        };
    }

    /**
     * The typed failure for an HTTP error status: 5xx and 429 are worth retrying, other statuses are not.
     * {@code retryAfter} is the response's {@code Retry-After} header (seconds or an HTTP date), or null.
     */
    static TikTokApiException forHttpStatus(String endpoint, int status, String retryAfter, Instant now) {
        String text = "GET " + endpoint + " failed with HTTP " + status;
        if (status >= 500 || status == 429) {
            return new TikTokServerException(endpoint, TikTokApiException.NO_CODE, status, null, text, null,
                    retryAfter(retryAfter, now));
        }
        return new TikTokRequestException(endpoint, TikTokApiException.NO_CODE, status, null, text, null);
    }

    /** {@code Retry-After} as a wait: delta-seconds or an HTTP date; null when absent, unreadable or in the past. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
                return wait.isNegative() || wait.isZero() ? null : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** An answer that is not TikTok's JSON envelope (an HTML error page from a proxy, a truncated body). */
    static TikTokApiException forMalformedBody(String endpoint, int status, Throwable cause) {
        return new TikTokServerException(endpoint, TikTokApiException.NO_CODE, status, null,
                "GET " + endpoint + " answered HTTP " + status + " with a body that is not TikTok's JSON envelope", cause);
    }

    /** No usable answer: a timeout, a refused or reset connection, or a body that is not TikTok's envelope. */
    static TikTokApiException forTransport(String endpoint, String what, Throwable cause) {
        return new TikTokServerException(endpoint, TikTokApiException.NO_CODE, 0, null,
                "GET " + endpoint + " failed: " + what, cause);
    }
}
