/**
 * The API-health rules, about TikTok connections rather than campaigns. {@code api-error-rate}: too many failed
 * TikTok calls per connection and endpoint in a window ({@code tiktok.api-errors.v1}). {@code sync-stale}: no metric
 * observation for an active connection for longer than a multiple of the poll interval. {@code connection-needs-reauth}:
 * auth-service revoked the connection because TikTok refused its token. {@code token-expiring}: a connection's access
 * token expires soon and no newer grant arrived. They keep the connections' state from {@code tiktok.connections.v1},
 * evaluate on every event and on a clock, and hand the results to the alert lifecycle.
 */
package io.adpulse.alerting.health;
