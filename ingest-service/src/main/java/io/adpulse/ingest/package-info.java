/**
 * ingest-service: learns TikTok advertiser connections from {@code tiktok.connections.v1}, polls the
 * TikTok API for Business for each of them and publishes what changed as {@code EntityObserved} and
 * {@code MetricObserved} events; failed TikTok calls become {@code ApiErrorOccurred} events.
 *
 * <p>Features: {@code connection} (connection lifecycle), {@code token} (opening sealed access
 * tokens), {@code sync} (what a sync reads and when), {@code tiktok} (the TikTok adapter behind the
 * {@code sync.TikTokApi} port), {@code ledger} (publish-only-what-changed), {@code publish} (Kafka
 * producer), {@code web} (operations API), {@code config} (settings and infrastructure beans).
 */
package io.adpulse.ingest;
