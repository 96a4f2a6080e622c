-- auth-service schema: TikTok connections, their encrypted tokens, pending OAuth states and the outbox.

-- One row per TikTok account Adpulse may act for. Ids are stable per account (adv-<advertiser id>),
-- so re-authorising replaces the grant in place. revision grows on every change and keys event ids.
create table connection (
    id                text        primary key,
    kind              text        not null check (kind in ('ADVERTISER', 'CREATOR')),
    advertiser_id     text        not null,
    display_name      text,
    status            text        not null check (status in ('ACTIVE', 'NEEDS_REAUTH', 'REVOKED')),
    status_reason     text,
    grant_id          uuid        not null,
    scopes            text[]      not null default '{}',
    granted_by        text        not null,
    granted_at        timestamptz not null,
    status_changed_at timestamptz not null,
    revision          bigint      not null
);

create index connection_grant_idx on connection (grant_id) where status = 'ACTIVE';

-- Tokens, envelope-encrypted: the secret under a per-token data key (ciphertext), the data key under
-- master key key_id (wrapped_key). Both bound to connection id and token type. Never plaintext.
create table connection_token (
    connection_id text        not null references connection (id) on delete cascade,
    token_type    text        not null check (token_type in ('ACCESS')),
    key_id        text        not null,
    wrapped_key   bytea       not null,
    ciphertext    bytea       not null,
    expires_at    timestamptz,
    stored_at     timestamptz not null,
    primary key (connection_id, token_type)
);

-- OAuth state values handed to TikTok's consent page. Only a SHA-256 of the state is kept, so reading
-- this table does not let anyone complete someone else's authorisation. consumed_at makes it single-use.
create table oauth_state (
    state_hash  text        primary key,
    flow        text        not null,
    actor       text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    consumed_at timestamptz
);

create index oauth_state_expiry_idx on oauth_state (expires_at);

-- Events committed with the state change that caused them; the relay publishes them in seq order.
create table outbox (
    seq          bigserial   primary key,
    event_id     text        not null unique,
    topic        text        not null,
    record_key   text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_unpublished_idx on outbox (seq) where published_at is null;
