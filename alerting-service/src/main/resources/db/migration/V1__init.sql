-- What the daily-budget-pacing rule keeps from tiktok.entities.v1 and tiktok.metrics.v1.
-- Each row is replaced only by a later observation (observed_at), so redeliveries never move state back.
create table advertiser (
    advertiser_id text primary key,
    name          text,
    time_zone     text,
    currency      char(3),
    observed_at   timestamptz not null
);

create table campaign (
    advertiser_id   text        not null,
    campaign_id     text        not null,
    name            text,
    status          text,
    deleted         boolean     not null,
    budget          numeric(20, 6),
    budget_currency char(3),
    budget_mode     text,
    observed_at     timestamptz not null,
    primary key (advertiser_id, campaign_id)
);

create index campaign_paced on campaign (advertiser_id, campaign_id)
    where budget_mode = 'BUDGET_MODE_DAY' and not deleted;

-- Latest reported spend per campaign and advertiser-local date (restatements replace it).
create table campaign_spend (
    advertiser_id text           not null,
    campaign_id   text           not null,
    local_date    date           not null,
    spend         numeric(20, 6) not null,
    currency      char(3)        not null,
    observed_at   timestamptz    not null,
    primary key (advertiser_id, campaign_id, local_date)
);

-- One row per alert episode: from firing to resolved. A fingerprint that fires again after resolving
-- starts a new episode; the partial unique index allows one firing episode per fingerprint.
create table alert (
    id              bigserial primary key,
    fingerprint     text        not null,
    rule            text        not null,
    severity        text        not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
    state           text        not null check (state in ('FIRING', 'RESOLVED')),
    labels          jsonb       not null,
    summary         text        not null,
    starts_at       timestamptz not null,
    resolved_at     timestamptz,
    resolution      text,
    acknowledged_by text,
    acknowledged_at timestamptz,
    check ((state = 'FIRING') = (resolved_at is null))
);

create unique index alert_one_firing_episode on alert (fingerprint) where state = 'FIRING';
create index alert_firing_by_rule on alert using gin (labels) where state = 'FIRING';
create index alert_by_fingerprint on alert (fingerprint, starts_at desc);
create index alert_by_start on alert (starts_at desc);

-- Events written in the same transaction as the alert state they describe; the relay publishes them
-- in id order and marks them published.
create table outbox (
    id           bigserial primary key,
    topic        text        not null,
    record_key   text        not null,
    event_id     text        not null,
    event_type   text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
