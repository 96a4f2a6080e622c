package io.adpulse.reporting.brand;

import java.time.Instant;
import java.util.List;

/** A client: owns brands. {@code brandIds} are its brands, by id. */
public record Client(String clientId, String name, List<String> brandIds, String createdBy, Instant createdAt,
        String updatedBy, Instant updatedAt) {
}
