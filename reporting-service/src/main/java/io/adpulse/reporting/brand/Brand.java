package io.adpulse.reporting.brand;

import java.time.Instant;
import java.util.List;

/** A brand of a client: a group of advertisers ({@code advertiserIds}, sorted). */
public record Brand(String brandId, String clientId, String name, List<String> advertiserIds, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt) {
}
