-- TikTok API calls made per app and UTC day, so every ingest-service instance draws from one daily budget (QPD).
create table tiktok_daily_quota (
    app_id text   not null,
    day    date   not null,
    used   bigint not null,
    primary key (app_id, day)
);
