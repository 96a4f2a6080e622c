-- TikTok webhook notifications accepted by ingest-service: one row per notification (TikTok's retries and
-- duplicates share the delivery id), kept until published on tiktok.webhooks.v1 and then for de-duplication.
create table webhook_inbox (
    delivery_id  text primary key,
    event        text        not null,
    user_open_id text        not null,
    record_key   text        not null,
    payload      bytea       not null,
    received_at  timestamptz not null,
    published_at timestamptz
);

create index webhook_inbox_unpublished on webhook_inbox (received_at) where published_at is null;
