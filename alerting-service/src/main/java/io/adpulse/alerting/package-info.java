/**
 * alerting-service: turns what Adpulse observes about TikTok accounts into alerts and tells people.
 *
 * <p>Features: {@code alert} is the rule-independent core (alert identity, the FIRING/RESOLVED lifecycle,
 * the outbox that publishes {@code AlertFired}/{@code AlertResolved} on {@code alerts.v1}, label matchers and
 * the HTTP API); {@code pacing} holds the campaign rules ({@code daily-budget-pacing},
 * {@code roas-below-target}) with the observations they need; {@code silence} mutes alerts by label matchers;
 * {@code notify} routes alerts to receivers, groups them and delivers the notifications. Features depend on
 * {@code alert}, never the reverse ({@code ArchitectureTest}).
 */
package io.adpulse.alerting;
