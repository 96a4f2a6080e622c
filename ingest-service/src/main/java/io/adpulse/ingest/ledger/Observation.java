package io.adpulse.ingest.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something read from TikTok that may be published: the event data, the key of the fact it describes,
 * and its canonical value (everything that makes a change, nothing that doesn't, like the read time).
 * {@code statDate} is the metric's local date, or null for entities.
 */
public record Observation<T extends Record>(String factKey, String advertiserId, LocalDate statDate,
        String canonicalValue, Instant observedAt, T data) {
}
