-- Creator (TikTok user) accounts through Login Kit v2: short-lived access tokens with rotating refresh tokens,
-- refreshed ahead of expiry by a scheduler, and PKCE verifiers kept with the OAuth state.

-- A creator grant stores both tokens; each is encrypted and bound to <connection id>/<token type>.
alter table connection_token drop constraint connection_token_token_type_check;
alter table connection_token add constraint connection_token_token_type_check
    check (token_type in ('ACCESS', 'REFRESH'));

-- access_expires_at: when the stored access token stops working (null: does not expire on a timer).
-- refresh_due_at: when the scheduler refreshes it (ahead of expiry, with jitter); null: never.
-- refresh_lease_until: a refresh in progress holds this lease, so only one caller at a time asks TikTok.
alter table connection add column access_expires_at   timestamptz;
alter table connection add column last_refreshed_at   timestamptz;
alter table connection add column refresh_due_at      timestamptz;
alter table connection add column refresh_lease_until timestamptz;

create index connection_refresh_due_idx on connection (refresh_due_at) where status = 'ACTIVE';

-- The PKCE code_verifier of a Login Kit authorisation, kept server-side with its state and erased when the state
-- is used up.
alter table oauth_state add column code_verifier text;
