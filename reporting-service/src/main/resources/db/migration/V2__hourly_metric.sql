-- Hourly metrics of one entity in one advertiser-local hour (stat_date + stat_hour 0-23, local to
-- time_zone), as TikTok last reported them. Same rules as daily_metric: a NULL metric was not reported,
-- the latest observed_at wins, amounts are in currency.
create table hourly_metric (
    advertiser_id    varchar(128) not null,
    level            varchar(16)  not null check (level in ('ADVERTISER', 'CAMPAIGN', 'ADGROUP', 'AD')),
    entity_id        varchar(128) not null,
    stat_date        date         not null,
    stat_hour        smallint     not null check (stat_hour between 0 and 23),
    connection_id    varchar(128) not null,
    spend            numeric(20, 6),
    impressions      numeric,
    clicks           numeric,
    reach            numeric,
    conversions      numeric,
    conversion_value numeric(20, 6),
    video_views      numeric,
    currency         char(3)      not null,
    time_zone        text         not null,
    observed_at      timestamptz  not null,
    event_id         varchar(64)  not null,
    updated_at       timestamptz  not null default now(),
    primary key (advertiser_id, level, entity_id, stat_date, stat_hour)
);

create index hourly_metric_by_advertiser_level_date on hourly_metric (advertiser_id, level, stat_date);
