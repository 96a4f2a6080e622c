/**
 * Alerts independent of any rule: identity (fingerprint), the FIRING → RESOLVED lifecycle, the outbox
 * that publishes {@code AlertFired} and {@code AlertResolved} on {@code alerts.v1}, Alertmanager-style label
 * matchers, and the HTTP API. Rules hand an {@link io.adpulse.alerting.alert.domain.Evaluation} to
 * {@link io.adpulse.alerting.alert.domain.AlertLifecycle}; they never touch alert rows or topics. Whether an
 * alert is silenced is asked through {@link io.adpulse.alerting.alert.domain.Mutes}, which the silence feature
 * implements.
 */
package io.adpulse.alerting.alert;
