package io.adpulse.events;

import java.time.Instant;
import java.util.Map;

/** A rule's condition became true for the labelled subject; the fingerprint identifies the condition. */
public record AlertFired(String fingerprint, String rule, String severity, Map<String, String> labels,
        String summary, Instant startsAt) {
}
