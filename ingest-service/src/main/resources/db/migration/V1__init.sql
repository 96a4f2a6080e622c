-- Connections learnt from tiktok.connections.v1. The access token is kept only as auth-service's sealed
-- ciphertext (transit key id + base64), and forgotten when the connection is revoked.
create table connection (
    id               text primary key,
    advertiser_id    text        not null,
    display_name     text,
    status           text        not null check (status in ('ACTIVE', 'REVOKED')),
    token_key_id     text,
    token_ciphertext text,
    granted_at       timestamptz not null,
    revoked_at       timestamptz,
    revoke_reason    text,
    updated_at       timestamptz not null,
    check (status <> 'ACTIVE' or (token_key_id is not null and token_ciphertext is not null))
);

-- One row per connection per sync: why it ran, who asked, and how it ended.
create table sync_run (
    id               bigserial primary key,
    connection_id    text        not null references connection (id) on delete cascade,
    reason           text        not null,
    requested_by     text        not null,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    result           text        not null check (result in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_read        bigint      not null default 0,
    api_calls        bigint      not null default 0,
    events_published bigint      not null default 0,
    error            text
);
create index sync_run_connection on sync_run (connection_id, id desc);

-- Per connection and stream: last successful sync and the last advertiser-local date covered.
create table sync_watermark (
    connection_id     text        not null references connection (id) on delete cascade,
    stream            text        not null,
    last_success_at   timestamptz not null,
    last_date_covered date,
    primary key (connection_id, stream)
);

-- The change ledger: per fact (entity, or metric natural key) the hash of the last published values and
-- the id of the event that carried them. stat_date is the metric's local date, null for entities.
create table published_fact (
    fact_key      text primary key,
    advertiser_id text        not null,
    stat_date     date,
    value_hash    text        not null,
    event_id      text        not null,
    published_at  timestamptz not null
);
create index published_fact_advertiser_date on published_fact (advertiser_id, stat_date);
