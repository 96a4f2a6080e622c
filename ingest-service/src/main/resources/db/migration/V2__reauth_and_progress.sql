-- A connection whose access token TikTok rejected (revoked, expired, advertiser closed) stops being
-- polled until auth-service grants it again with a new token. Its sealed token is kept only so that a
-- redelivered copy of the same grant does not reactivate it.
alter table connection drop constraint connection_status_check;
alter table connection add constraint connection_status_check
    check (status in ('ACTIVE', 'NEEDS_REAUTH', 'REVOKED'));
-- Why the connection is not active: the revocation reason, or the TikTok rejection.
alter table connection rename column revoke_reason to status_reason;

-- Progress of a running sync: report windows (at most 30 days of one report level) planned and read.
-- Counters are checkpointed after every window, so a long backfill shows how far it got.
alter table sync_run add column windows_total integer not null default 0;
alter table sync_run add column windows_done integer not null default 0;
