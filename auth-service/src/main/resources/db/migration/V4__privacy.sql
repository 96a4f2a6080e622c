-- Erasure of one TikTok account's data (issue 7, privacy). A request is published on privacy.requests.v1 through the
-- outbox; every service deletes the account's rows and confirms on privacy.completions.v1; the confirmations are
-- kept here so the request shows per-service status until all expected services confirmed.
-- A request keeps the connection and advertiser ids it was about: the fact of the erasure, not the erased data.
create table privacy_request (
    id              text        primary key,
    connection_id   text        not null,
    connection_kind text        check (connection_kind in ('ADVERTISER', 'CREATOR')),
    advertiser_ids  text[]      not null default '{}',
    open_id         text,
    kind            text        not null check (kind in ('ERASURE')),
    reason          text        not null check (reason in ('DISCONNECT', 'EXPLICIT')),
    requested_by    text        not null,
    requested_at    timestamptz not null
);

create index privacy_request_connection_idx on privacy_request (connection_id, requested_at desc);

-- One confirmation per service and request; deleted_rows is a JSON object table -> rows deleted. The first
-- confirmation wins: a redelivered request is confirmed again with zero counts, which must not overwrite it.
create table privacy_completion (
    request_id   text        not null references privacy_request (id) on delete cascade,
    service      text        not null,
    deleted_rows jsonb       not null,
    completed_at timestamptz not null,
    primary key (request_id, service)
);
