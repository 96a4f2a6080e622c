-- What the lifetime-budget-pacing rule keeps: ad groups with their budget and schedule (the flight, in UTC as
-- TikTok reports schedule_start_time / schedule_end_time), and the latest reported spend per ad group and
-- advertiser-local date. Rows are replaced only by a later observation (observed_at).
create table adgroup (
    advertiser_id   text        not null,
    adgroup_id      text        not null,
    campaign_id     text,
    name            text,
    status          text,
    deleted         boolean     not null,
    budget          numeric(20, 6),
    budget_currency char(3),
    budget_mode     text,
    schedule_start  timestamptz,
    schedule_end    timestamptz,
    observed_at     timestamptz not null,
    primary key (advertiser_id, adgroup_id)
);

create index adgroup_by_campaign on adgroup (advertiser_id, campaign_id);

create table adgroup_spend (
    advertiser_id text           not null,
    adgroup_id    text           not null,
    local_date    date           not null,
    spend         numeric(20, 6) not null,
    currency      char(3)        not null,
    observed_at   timestamptz    not null,
    primary key (advertiser_id, adgroup_id, local_date)
);
