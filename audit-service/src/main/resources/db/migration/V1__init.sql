-- The audit log: an append-only, hash-chained table of every record of every Adpulse topic.
-- Each row's hash is SHA-256 over the previous row's hash and every other column of the row (see ChainHasher);
-- audit_chain_head names the last row so that removing rows at the end is detected too.

create table audit_chain_head (
    id         boolean primary key default true check (id),
    sequence   bigint      not null check (sequence >= 0),
    hash       text        not null check (hash ~ '^[0-9a-f]{64}$'),
    updated_at timestamptz not null default now()
);

insert into audit_chain_head (id, sequence, hash) values (true, 0, repeat('0', 64));

create table audit_event (
    sequence         bigint primary key check (sequence > 0),
    recorded_at      timestamptz not null,
    topic            text        not null,
    kafka_partition  integer     not null,
    kafka_offset     bigint      not null,
    record_key       text,
    event_id         text,
    event_type       text,
    subject          text,
    event_time       timestamptz,
    actor            text,
    route            text,
    decision         text,
    valid            boolean     not null,
    invalid_reason   text,
    redacted_fields  text[]      not null default '{}',
    payload_encoding text        not null check (payload_encoding in ('JSON', 'TEXT', 'BASE64', 'NONE')),
    payload          text,
    prev_hash        text        not null check (prev_hash ~ '^[0-9a-f]{64}$'),
    hash             text        not null check (hash ~ '^[0-9a-f]{64}$'),
    -- A Kafka record is appended once, however often it is delivered.
    constraint audit_event_record_once unique (topic, kafka_partition, kafka_offset),
    constraint audit_event_reason_iff_invalid check (valid = (invalid_reason is null)),
    constraint audit_event_payload_iff_value check ((payload is null) = (payload_encoding = 'NONE'))
);

create index audit_event_type_sequence on audit_event (event_type, sequence);
create index audit_event_subject_sequence on audit_event (subject, sequence);
create index audit_event_actor_sequence on audit_event (actor, sequence) where actor is not null;
create index audit_event_occurred on audit_event ((coalesce(event_time, recorded_at)));

-- Rows are never changed or removed (retention, when it comes, gets its own reviewed migration).
create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

-- A new row must be the next in sequence and link to the hash of the row before it.
create function audit_event_check_link() returns trigger language plpgsql as $$
declare
    previous text;
begin
    if new.sequence = 1 then
        previous := repeat('0', 64);
    else
        select hash into previous from audit_event where sequence = new.sequence - 1;
    end if;
    if previous is null or previous <> new.prev_hash then
        raise exception 'audit_event % does not link to entry %', new.sequence, new.sequence - 1
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;

create trigger audit_event_linked
    before insert on audit_event
    for each row execute function audit_event_check_link();

-- The head only moves forward, and only to a row that exists with that hash; it is never removed.
create function audit_chain_head_check_move() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_chain_head: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end if;
    if new.sequence < old.sequence then
        raise exception 'audit_chain_head cannot move back from % to %', old.sequence, new.sequence
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.sequence > 0 and not exists (select 1 from audit_event where sequence = new.sequence and hash = new.hash) then
        raise exception 'audit_chain_head must name an existing entry and its hash'
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;

create trigger audit_chain_head_moves_forward
    before update or delete on audit_chain_head
    for each row execute function audit_chain_head_check_move();

create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_chain_head_check_move();
