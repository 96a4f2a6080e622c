/**
 * Inhibition, as in Alertmanager: while a firing alert matches an inhibit rule's source matchers, the firing alerts
 * that match its target matchers and have the same values of its {@code equal} labels are not notified. They keep
 * their state and are listed with {@code inhibitedBy}. The default rule lets {@code connection-needs-reauth} inhibit
 * the same connection's {@code sync-stale} and {@code api-error-rate} alerts.
 */
package io.adpulse.alerting.inhibit;
