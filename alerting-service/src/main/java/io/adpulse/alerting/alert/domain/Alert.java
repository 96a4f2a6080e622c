package io.adpulse.alerting.alert.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One episode of an alert: from the moment its condition became true ({@code startsAt}) to the moment
 * it cleared ({@code resolvedAt}, null while firing). A fingerprint that fires again after resolving
 * starts a new episode; at most one episode per fingerprint is firing at a time.
 */
public record Alert(long id, String fingerprint, String rule, Severity severity, AlertState state,
        Map<String, String> labels, String summary, Instant startsAt, Instant resolvedAt, String resolution,
        String acknowledgedBy, Instant acknowledgedAt) {
}
