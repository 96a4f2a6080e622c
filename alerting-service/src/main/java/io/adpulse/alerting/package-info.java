/**
 * alerting-service: turns what Adpulse observes about TikTok accounts into alerts.
 *
 * <p>Features: {@code alert} is the rule-independent part (alert identity, the FIRING/RESOLVED
 * lifecycle, the outbox that publishes {@code AlertFired}/{@code AlertResolved} on {@code alerts.v1},
 * and the HTTP API); {@code pacing} is the {@code daily-budget-pacing} rule with the observations it
 * needs. Further rules are further feature packages that depend on {@code alert}, never the reverse.
 */
package io.adpulse.alerting;
