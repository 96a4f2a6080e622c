-- Creator (Login Kit) connections are stored next to advertiser ones: kind tells them apart. For a creator,
-- advertiser_id holds the TikTok open_id (as on tiktok.connections.v1). Creators are polled through the Display API
-- for their organic videos, never through the API for Business; their published_fact rows carry the open_id as
-- advertiser_id, so an erasure of the open id removes them with the connection.
alter table connection add column kind text not null default 'ADVERTISER' check (kind in ('ADVERTISER', 'CREATOR'));
create index connection_active_kind on connection (kind) where status = 'ACTIVE';
