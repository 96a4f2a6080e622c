-- The covered date of a report stream moves after every report window, so an interrupted backfill resumes
-- where it stopped; a stream whose first sync has not completed yet has no last success.
alter table sync_watermark alter column last_success_at drop not null;

-- Whether a run backfills: reads history beyond the attribution lookback (a first sync, or a resumed one).
alter table sync_run add column backfill boolean not null default false;
