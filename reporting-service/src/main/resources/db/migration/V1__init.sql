-- Latest known state of every TikTok entity (advertiser, campaign, ad group, ad). One row per
-- (advertiser_id, level, entity_id); a newer observation replaces it, an older one is ignored.
-- Deleted entities stay (deleted = true) so the reports over their past days keep their names.
create table entity_state (
    advertiser_id   varchar(128) not null,
    level           varchar(16)  not null check (level in ('ADVERTISER', 'CAMPAIGN', 'ADGROUP', 'AD')),
    entity_id       varchar(128) not null,
    connection_id   varchar(128) not null,
    parent_id       varchar(128),
    name            text,
    status          text,
    deleted         boolean      not null,
    budget_amount   numeric(20, 6),
    budget_currency char(3),
    budget_mode     text,
    time_zone       text,
    currency        char(3),
    observed_at     timestamptz  not null,
    event_id        varchar(64)  not null,
    updated_at      timestamptz  not null default now(),
    primary key (advertiser_id, level, entity_id),
    check ((budget_amount is null) = (budget_currency is null))
);

-- Daily metrics of one entity on one advertiser-local date, as TikTok last reported them. A NULL metric
-- was not reported (missing is not zero). Amounts are in currency; stat_date is local to time_zone.
create table daily_metric (
    advertiser_id    varchar(128) not null,
    level            varchar(16)  not null check (level in ('ADVERTISER', 'CAMPAIGN', 'ADGROUP', 'AD')),
    entity_id        varchar(128) not null,
    stat_date        date         not null,
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
    primary key (advertiser_id, level, entity_id, stat_date)
);

create index daily_metric_by_advertiser_level_date on daily_metric (advertiser_id, level, stat_date);
create index daily_metric_by_level_date on daily_metric (level, stat_date);
