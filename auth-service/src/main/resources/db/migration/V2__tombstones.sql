-- A disconnected connection is announced twice on the compacted tiktok.connections.v1: ConnectionRevoked (the
-- fact, kept by audit-service) and then a tombstone (no value) under the connection id, so compaction forgets it.
-- An outbox row without a payload is such a tombstone.
alter table outbox alter column payload drop not null;
