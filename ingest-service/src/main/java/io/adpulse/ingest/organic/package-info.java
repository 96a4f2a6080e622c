/**
 * Organic video metrics of creator (Login Kit) connections: every poll reads all videos of each active creator
 * through TikTok's Display API ({@link io.adpulse.ingest.organic.DisplayApi}, implemented by the tiktok adapter) and
 * publishes {@code OrganicVideoObserved} on {@code tiktok.organic.v1}, keyed by connection id, only for videos
 * whose counts changed since the last published observation (the ledger of {@code io.adpulse.ingest.ledger}).
 */
package io.adpulse.ingest.organic;
