/**
 * TikTok connections as ingest-service knows them, learnt from the compacted
 * {@code tiktok.connections.v1}: a granted advertiser connection is stored (its token still sealed) and
 * becomes due for a first sync; a revocation or a tombstone makes it inactive and forgets its token.
 * Applying the same record twice changes nothing, so redelivery is harmless.
 */
package io.adpulse.ingest.connection;
