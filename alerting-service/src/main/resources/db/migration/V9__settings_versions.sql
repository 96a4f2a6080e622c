-- Versions of the settings admins edit through /api/alerting/config (rule thresholds and targets, their overrides
-- per advertiser, brand and campaign, routes, receivers, inhibit rules). The latest version is in effect; version 0
-- is the application configuration and is not stored. A row is never changed: each edit adds one, so the table is
-- the history (who, when, and the document before and after: before is the previous row's document).
create table settings_version (
    version    bigint      primary key check (version > 0),
    document   jsonb       not null,
    changed_by text        not null,
    changed_at timestamptz not null
);
