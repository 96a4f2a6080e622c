-- Erasure (issue 7, privacy): the audit log keeps the fact of an erasure, not the erased data.
--
-- Entries appended from now on are hashed in format 2 (ChainHasher.FORMAT_V2): the hash covers the SHA-256 of the
-- payload (payload_digest) instead of the payload itself, so the payload of an entry about an erased account can be
-- removed later while the chain still verifies: the digest stays, and proves what was there without holding it.
-- Format 1 entries (appended before this migration) hash the payload itself; they cannot be erased without breaking
-- the chain, and the database refuses it.
alter table audit_event add column hash_format smallint not null default 1 check (hash_format in (1, 2));
alter table audit_event add column payload_digest text check (payload_digest ~ '^[0-9a-f]{64}$');
-- erased_by: the sequence of the privacy.requests.v1 entry (the erasure request) that removed the payload.
alter table audit_event add column erased_by bigint;
alter table audit_event add column erased_at timestamptz;
alter table audit_event add constraint audit_event_erased_together check ((erased_by is null) = (erased_at is null));
alter table audit_event add constraint audit_event_digest_in_format_2
    check ((hash_format = 1 and payload_digest is null)
           or (hash_format = 2 and (payload_digest is not null) = (payload_encoding <> 'NONE')));
alter table audit_event drop constraint audit_event_payload_iff_value;
alter table audit_event add constraint audit_event_payload_iff_value
    check ((payload is null) = (payload_encoding = 'NONE') or (erased_by is not null and payload is null));

create index audit_event_erased_by on audit_event (erased_by) where erased_by is not null;

-- Rows are never removed, and the only change allowed is an erasure: a format 2 entry not erased yet loses its
-- payload and records the request that erased it; every other column stays as it was.
create or replace function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
    -- Nested, so that OLD and NEW are only read in a row-level UPDATE (they are unset for TRUNCATE).
    if tg_op = 'UPDATE' then
        if old.hash_format = 2 and old.erased_by is null and old.payload is not null
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
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
