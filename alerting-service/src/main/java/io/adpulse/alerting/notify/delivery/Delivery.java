package io.adpulse.alerting.notify.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One notification to one integration of a receiver ({@code integration} {@code webhook}, {@code slack},
 * {@code email}, {@code pagerduty} or {@code alertmanager}, the {@code integrationIndex}-th of that kind in the
 * receiver's settings), with the exact body to send (for e-mail: subject, text and HTML as JSON) and the history
 * of its attempts. Secrets (URLs, routing keys, passwords) are never part of it: they are added when sent.
 */
public record Delivery(long id, String receiver, String integration, int integrationIndex, String groupKey,
        String alertStatus, int alertCount, List<String> fingerprints, String body, DeliveryStatus status,
        int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant lastAttemptAt,
        Instant deliveredAt) {

    public static final String WEBHOOK = "webhook";
    public static final String SLACK = "slack";
    public static final String EMAIL = "email";
    public static final String PAGERDUTY = "pagerduty";
    public static final String ALERTMANAGER = "alertmanager";

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
