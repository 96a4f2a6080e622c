package io.adpulse.alerting.silence.web;

import java.time.Instant;
import java.util.List;

/**
 * A new silence, shaped like Alertmanager's {@code postableSilence}: matchers, an optional start (default now),
 * an end, and a comment. Who created it is the caller ({@code X-Adpulse-Actor}).
 */
record SilenceRequest(List<MatcherBody> matchers, Instant startsAt, Instant endsAt, String comment) {

    /** {@code isRegex} defaults to false and {@code isEqual} to true. */
    record MatcherBody(String name, String value, Boolean isRegex, Boolean isEqual) {
    }
}
