/**
 * Alerts independent of any rule: identity (fingerprint), the FIRING → RESOLVED lifecycle, the outbox
 * that publishes {@code AlertFired} and {@code AlertResolved} on {@code alerts.v1}, and the HTTP API.
 * Rules hand an {@link io.adpulse.alerting.alert.domain.Evaluation} to
 * {@link io.adpulse.alerting.alert.domain.AlertLifecycle}; they never touch alert rows or topics.
 */
package io.adpulse.alerting.alert;
