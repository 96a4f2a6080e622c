package io.adpulse.alerting.notify.web;

import io.adpulse.alerting.notify.delivery.Delivery;
import io.adpulse.alerting.notify.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.List;

/** A delivery as the API shows it: what was sent to whom and how its attempts went, never the URL. */
record DeliveryView(long id, String receiver, String integration, int integrationIndex, String groupKey,
        String alertStatus, List<String> fingerprints, DeliveryStatus status, int attempts, Instant nextAttemptAt,
        String lastError, Instant createdAt, Instant lastAttemptAt, Instant deliveredAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.receiver(), d.integration(), d.integrationIndex(), d.groupKey(),
                d.alertStatus(), d.fingerprints(), d.status(),
                d.attempts(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastError(),
                d.createdAt(), d.lastAttemptAt(), d.deliveredAt());
    }
}
