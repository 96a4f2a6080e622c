-- Commands: writes to TikTok that operators asked for through the gateway (tiktok.commands.v1). The command id is the
-- caller's idempotency key: the row is claimed (RECEIVED -> EXECUTING) before TikTok is called, so a redelivered or
-- retried command executes at most once; once a result is recorded, a redelivery re-publishes it unchanged.
-- request_event / result_event hold the CloudEvents as received and as last published (never a token).
create table command (
    command_id      text primary key,
    fingerprint     text        not null,
    kind            text        not null,
    connection_id   text        not null,
    advertiser_id   text        not null,
    actor           text        not null,
    dry_run         boolean     not null,
    request_event   text        not null,
    state           text        not null check (state in ('RECEIVED', 'EXECUTING', 'IN_PROGRESS', 'DONE')),
    outcome         text check (outcome in ('IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'REJECTED', 'DRY_RUN')),
    result_event    text,
    requested_at    timestamptz not null,
    received_at     timestamptz not null,
    updated_at      timestamptz not null
);
create index command_connection_recent on command (connection_id, received_at desc);
create index command_advertiser_recent on command (advertiser_id, received_at desc);
create index command_recent on command (received_at desc);
