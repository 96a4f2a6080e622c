package io.adpulse.alerting.notify.delivery;

/** Where a delivery is: waiting for its (next) attempt, done, or given up after its last attempt. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
