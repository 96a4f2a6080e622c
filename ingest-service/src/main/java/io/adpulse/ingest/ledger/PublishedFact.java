package io.adpulse.ingest.ledger;

import java.time.Instant;
import java.time.LocalDate;

/** The last published state of one fact: the hash of its values and the id of the event that carried them. */
public record PublishedFact(String factKey, String advertiserId, LocalDate statDate, String valueHash,
        String eventId, Instant publishedAt) {
}
