/**
 * alerting-service: turns what Adpulse observes about TikTok accounts into alerts and tells people.
 *
 * <p>Features: {@code alert} is the rule-independent core (alert identity, the FIRING/RESOLVED lifecycle,
 * the outbox that publishes {@code AlertFired}/{@code AlertResolved} on {@code alerts.v1}, label matchers and
 * the HTTP API); {@code pacing} holds the campaign rules ({@code daily-budget-pacing}, {@code lifetime-budget-pacing},
 * {@code roas-below-target}, {@code cpa-above-target}, {@code spend-anomaly}, {@code campaign-stopped-delivering})
 * with the observations they need; {@code health} holds the connection rules ({@code api-error-rate},
 * {@code sync-stale}, {@code connection-needs-reauth}, {@code token-expiring}); {@code silence} mutes alerts by label
 * matchers; {@code inhibit} lets firing alerts inhibit others;
 * {@code notify} routes alerts to receivers, groups them and delivers the notifications. Features depend on
 * {@code alert}, never the reverse ({@code ArchitectureTest}).
 */
package io.adpulse.alerting;
