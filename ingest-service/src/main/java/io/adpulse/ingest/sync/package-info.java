/**
 * What a sync of a TikTok advertiser connection reads, and when. A sync learns the advertiser (name,
 * currency, time zone), snapshots its campaigns, including deleted ones, and reads the daily campaign
 * and advertiser reports over a date range in the advertiser's time zone: the configured backfill on the
 * first sync, the attribution look-back afterwards (TikTok restates recent days), widened to close any
 * gap since the last covered date. Everything read goes through the change ledger, so only new or
 * changed facts are published. Watermarks and a run record per sync are kept in PostgreSQL.
 *
 * <p>TikTok is reached through the {@link io.adpulse.ingest.sync.TikTokApi} port; its adapter lives in
 * the {@code tiktok} package.
 */
package io.adpulse.ingest.sync;
