package io.adpulse.sandbox.traffic;

import java.time.Duration;

/**
 * One injected failure, applied to the next {@code times} calls of a path.
 *
 * @param id         handle of the fault
 * @param path       full API path ({@code /open_api/v1.3/report/integrated/get/}) or {@code *} for every path
 * @param remaining  calls it still applies to
 * @param code       a TikTok code to answer in the envelope (HTTP 200), or null
 * @param message    the message going with {@code code}
 * @param httpStatus an HTTP status to answer instead of TikTok's envelope (a gateway error), or null
 * @param delay      how long to hold the call first (then fail, or answer normally when neither code nor status)
 */
record Fault(String id, String path, int remaining, Integer code, String message, Integer httpStatus, Duration delay) {

    boolean appliesTo(String requestPath) {
        return "*".equals(path) || path.equals(requestPath);
    }

    Fault used() {
        return new Fault(id, path, remaining - 1, code, message, httpStatus, delay);
    }
}
