-- The delivery schedule TikTok reports on ad groups (schedule_start_time / schedule_end_time, UTC), kept for
-- pacing lifetime budgets. NULL when TikTok gave none (an open-ended schedule has no end) or before the entity is
-- observed again after this migration.
alter table entity_state add column schedule_start timestamptz;
alter table entity_state add column schedule_end timestamptz;
