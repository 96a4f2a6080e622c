-- Conversions reported with the daily spend (TikTok's conversion), for the cpa-above-target rule.
-- Null when the observation did not carry it (missing is not zero).
alter table campaign_spend add column conversions numeric(20, 6);

-- Latest hourly spend and impressions per campaign, advertiser-local date and local hour (TikTok's
-- stat_time_hour), for the spend-anomaly and campaign-stopped-delivering rules. Restatements replace a row.
create table campaign_hourly (
    advertiser_id text           not null,
    campaign_id   text           not null,
    local_date    date           not null,
    hour          smallint       not null check (hour between 0 and 23),
    spend         numeric(20, 6),
    impressions   numeric(20, 6),
    currency      char(3)        not null,
    connection_id text,
    observed_at   timestamptz    not null,
    primary key (advertiser_id, campaign_id, local_date, hour)
);

create index campaign_hourly_delivered on campaign_hourly (local_date) where spend > 0 or impressions > 0;
