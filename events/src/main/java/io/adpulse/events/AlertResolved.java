package io.adpulse.events;

import java.time.Instant;
import java.util.Map;

/** A firing alert's condition cleared. */
public record AlertResolved(String fingerprint, String rule, Map<String, String> labels, String summary,
        Instant resolvedAt) {
}
