/**
 * What a sync of a TikTok advertiser connection reads, and when. A sync learns the advertiser (name,
 * currency, time zone), snapshots its campaigns, ad groups and ads, deleted ones included (the one entity
 * fetch of the sync, whose census also tells which report levels have anything to read), and reads the
 * report streams over dates in the advertiser's time zone: daily reports at advertiser, campaign, ad group
 * and ad level over the configured backfill on the first sync and the attribution lookback afterwards
 * (TikTok restates recent days), widened to close any gap since the last covered date; hourly campaign
 * reports over the last few days. Everything read goes through the change ledger, so only new or changed
 * facts are published. Watermarks (moved after every report window, so a backfill resumes where it was cut
 * off) and a run record per sync with its progress are kept in PostgreSQL.
 *
 * <p>TikTok is reached through the {@link io.adpulse.ingest.sync.TikTokApi} port; its adapter lives in
 * the {@code tiktok} package.
 */
package io.adpulse.ingest.sync;
