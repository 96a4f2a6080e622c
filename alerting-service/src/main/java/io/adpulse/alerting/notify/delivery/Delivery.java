package io.adpulse.alerting.notify.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One notification to one integration of a receiver ({@code integration} {@code webhook} or {@code slack},
 * the {@code integrationIndex}-th of that kind in the receiver's settings), with the exact body to POST and
 * the history of its attempts.
 */
public record Delivery(long id, String receiver, String integration, int integrationIndex, String groupKey,
        String alertStatus, int alertCount, List<String> fingerprints, String body, DeliveryStatus status,
        int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant lastAttemptAt,
        Instant deliveredAt) {

    public static final String WEBHOOK = "webhook";
    public static final String SLACK = "slack";

    public Delivery {
        fingerprints = List.copyOf(fingerprints);
    }

    /** A delivery about to be stored, due at once. */
    public static Delivery pending(String receiver, String integration, int integrationIndex, String groupKey,
            String alertStatus, List<String> fingerprints, String body, Instant now) {
        return new Delivery(0, receiver, integration, integrationIndex, groupKey, alertStatus, fingerprints.size(),
                fingerprints, body, DeliveryStatus.PENDING, 0, now, null, now, null, null);
    }
}
