/**
 * Silences: label matchers with a time window during which matching alerts are not notified. Alerts keep
 * their state and stay visible in the API (marked as silenced). Depends on {@code alert} only.
 */
package io.adpulse.alerting.silence;
