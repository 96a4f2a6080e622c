-- What the API-health rules keep from tiktok.connections.v1: each connection's latest grant or revocation
-- (changed_at orders them, so a redelivered or older event never moves a connection back), and when a metric
-- observation read through it last arrived.
create table connection_state (
    connection_id           text primary key,
    advertiser_id           text,
    status                  text        not null check (status in ('ACTIVE', 'REVOKED', 'REMOVED')),
    reason                  text,
    granted_at              timestamptz,
    revoked_at              timestamptz,
    access_token_expires_at timestamptz,
    changed_at              timestamptz not null,
    last_metric_at          timestamptz
);

-- TikTok API errors from tiktok.api-errors.v1, one row per event (the event id makes a redelivery count once).
create table api_error (
    event_id      text primary key,
    connection_id text        not null,
    advertiser_id text,
    endpoint      text        not null,
    code          integer     not null,
    http_status   integer     not null,
    retryable     boolean     not null,
    occurred_at   timestamptz not null
);

create index api_error_by_endpoint on api_error (connection_id, endpoint, occurred_at);
create index api_error_by_time on api_error (occurred_at);
