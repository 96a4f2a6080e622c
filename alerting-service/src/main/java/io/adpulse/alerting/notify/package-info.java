/**
 * Notifications: routes alert episodes through an Alertmanager-like routing tree to receivers, groups them
 * (group wait, group interval, repeat interval), renders Alertmanager-compatible webhook and Slack payloads,
 * and delivers them with persisted retries. Depends on {@code alert} and {@code silence}; nothing depends on
 * it.
 */
package io.adpulse.alerting.notify;
