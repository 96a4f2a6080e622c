-- Checkpoints and access-log retention (issue 7).
--
-- A checkpoint commits to the chain up to one entry: that entry's sequence and hash, the time, how many entries it
-- adds to the checkpoint before it, and a hash over all of that and the checkpoint before (ChainHasher.checkpointHash),
-- so the checkpoints form their own chain. Each is published on audit.checkpoints.v1 for anchoring outside Adpulse;
-- published_at is set once Kafka acknowledged it (unpublished ones are published again on the next round).
create table audit_checkpoint (
    sequence                 bigint      primary key check (sequence > 0),
    head_hash                text        not null check (head_hash ~ '^[0-9a-f]{64}$'),
    entries                  bigint      not null check (entries > 0),
    checkpointed_at          timestamptz not null,
    previous_sequence        bigint      not null check (previous_sequence >= 0 and previous_sequence < sequence),
    previous_checkpoint_hash text        not null check (previous_checkpoint_hash ~ '^[0-9a-f]{64}$'),
    checkpoint_hash          text        not null unique check (checkpoint_hash ~ '^[0-9a-f]{64}$'),
    published_at             timestamptz
);

create index audit_checkpoint_unpublished on audit_checkpoint (sequence) where published_at is null;

-- Checkpoints are never changed or removed, except that published_at is set once.
create function audit_checkpoint_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.published_at is null and new.published_at is not null
                and (new.sequence, new.head_hash, new.entries, new.checkpointed_at, new.previous_sequence,
                     new.previous_checkpoint_hash, new.checkpoint_hash)
                    is not distinct from
                    (old.sequence, old.head_hash, old.entries, old.checkpointed_at, old.previous_sequence,
                     old.previous_checkpoint_hash, old.checkpoint_hash) then
            return new;
        end if;
    end if;
    raise exception 'audit_checkpoint is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_checkpoint_no_update_or_delete
    before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_refuse_change();

create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_refuse_change();

-- Retention of the access log: an access entry (topic audit.access.v1) older than the retention and covered by a
-- checkpoint is pruned. The row stays as a stub that keeps the chain linked: sequence, recorded_at, topic, its Kafka
-- coordinates (so a redelivery is still recognised), event_type, valid and invalid_reason, hash_format, prev_hash and
-- hash; everything about the access itself (key = actor, event id = correlation id, subject, event time, actor, route,
-- decision, redacted fields, payload with the client address, and the payload's digest) is removed. Verification cannot recompute a stub's hash, so it checks that the stub
-- links to the entry before and the entry after links to it, and that a checkpoint at or after it still matches.
alter table audit_event add column pruned_at timestamptz;
alter table audit_event add constraint audit_event_pruned_access_only
    check (pruned_at is null or (topic = 'audit.access.v1' and payload is null and payload_encoding = 'NONE'
                                 and payload_digest is null and erased_by is null));
alter table audit_event drop constraint audit_event_digest_in_format_2;
alter table audit_event add constraint audit_event_digest_in_format_2
    check ((hash_format = 1 and payload_digest is null)
           or (hash_format = 2 and (payload_digest is not null) = (payload_encoding <> 'NONE'))
           or pruned_at is not null);

create index audit_event_access_unpruned on audit_event (sequence) where topic = 'audit.access.v1' and pruned_at is null;

-- Rows are never removed. Two changes are allowed: an erasure (as in V2) and the pruning of an access entry (above).
create or replace function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
    -- Nested, so that OLD and NEW are only read in a row-level UPDATE (they are unset for TRUNCATE).
    if tg_op = 'UPDATE' then
        if old.hash_format = 2 and old.erased_by is null and old.payload is not null and old.pruned_at is null
                and new.pruned_at is null
                and new.erased_by is not null and new.erased_at is not null and new.payload is null
                and (new.sequence, new.recorded_at, new.topic, new.kafka_partition, new.kafka_offset, new.record_key,
                     new.event_id, new.event_type, new.subject, new.event_time, new.actor, new.route, new.decision,
                     new.valid, new.invalid_reason, new.redacted_fields, new.payload_encoding, new.prev_hash, new.hash,
                     new.hash_format, new.payload_digest)
                    is not distinct from
                    (old.sequence, old.recorded_at, old.topic, old.kafka_partition, old.kafka_offset, old.record_key,
                     old.event_id, old.event_type, old.subject, old.event_time, old.actor, old.route, old.decision,
                     old.valid, old.invalid_reason, old.redacted_fields, old.payload_encoding, old.prev_hash, old.hash,
                     old.hash_format, old.payload_digest) then
            return new;
        end if;
        if old.topic = 'audit.access.v1' and old.pruned_at is null and new.pruned_at is not null
                and exists (select 1 from audit_checkpoint c where c.sequence >= old.sequence)
                and (new.sequence, new.recorded_at, new.topic, new.kafka_partition, new.kafka_offset, new.event_type,
                     new.valid, new.invalid_reason, new.prev_hash, new.hash, new.hash_format, new.erased_by,
                     new.erased_at)
                    is not distinct from
                    (old.sequence, old.recorded_at, old.topic, old.kafka_partition, old.kafka_offset, old.event_type,
                     old.valid, old.invalid_reason, old.prev_hash, old.hash, old.hash_format, old.erased_by,
                     old.erased_at)
                and new.record_key is null and new.event_id is null and new.subject is null and new.event_time is null
                and new.actor is null and new.route is null and new.decision is null
                and new.redacted_fields = '{}' and new.payload_encoding = 'NONE' and new.payload is null
                and new.payload_digest is null then
            return new;
        end if;
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
