package io.adpulse.events;

import java.time.Instant;
import java.util.Map;

/**
 * One service finished the erasure {@code requestId}: it holds no more rows of the connection; {@code deletedRows}
 * counts what it deleted per table (zero on a redelivered request).
 */
public record PrivacyCompleted(String requestId, String service, String connectionId, Map<String, Long> deletedRows,
        Instant completedAt) {

    public PrivacyCompleted {
        deletedRows = deletedRows == null ? Map.of() : Map.copyOf(deletedRows);
    }
}
