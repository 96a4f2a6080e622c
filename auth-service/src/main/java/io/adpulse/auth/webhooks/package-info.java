/**
 * Consumer of {@code tiktok.webhooks.v1}: TikTok webhook deliveries verified by ingest-service. Login Kit's
 * {@code authorization.removed} for Adpulse's client key revokes the creator's connection; everything else is
 * ignored here. The listener only decodes, filters and delegates.
 */
package io.adpulse.auth.webhooks;
