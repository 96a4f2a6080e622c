/**
 * TikTok connections as ingest-service knows them, learnt from the compacted
 * {@code tiktok.connections.v1}: a granted connection is stored (its token still sealed) with its kind, and
 * becomes due for a first sync (advertisers) or a poll of its organic videos (creators); a creator's refreshed
 * token arrives as a new grant and replaces the stored one; a revocation or a tombstone makes it inactive and
 * forgets its token. Applying the same record twice changes nothing, so redelivery is harmless.
 */
package io.adpulse.ingest.connection;
