package io.adpulse.alerting.alert.domain;

/**
 * Published (as a Spring application event) after a transaction that fired or resolved an alert committed, so that
 * the passes which notify and publish run now rather than at their next tick.
 */
public record AlertsChanged() {
}
