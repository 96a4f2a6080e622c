-- Routing, grouping and delivery of alert notifications.

-- Whether the dispatcher has put the episode in its notification groups. Episodes that had already resolved
-- before notifications existed are history and are never sent.
alter table alert add column routed boolean not null default false;
update alert set routed = true where state = 'RESOLVED';
create index alert_unrouted on alert (id) where not routed;

-- An aggregation group: the alerts one route sends to its receiver together, split by the route's group_by
-- labels. It is flushed (next_flush_at) first after group_wait, then every group_interval.
create table notification_group (
    id               bigserial primary key,
    route            text        not null,
    receiver         text        not null,
    group_key        text        not null,
    group_labels     jsonb       not null,
    created_at       timestamptz not null,
    next_flush_at    timestamptz not null,
    last_notified_at timestamptz,
    unique (route, group_key)
);

create index notification_group_due on notification_group (next_flush_at);

-- The alert episodes of a group and the state the receiver was last told (null: not told yet).
create table notification_member (
    group_id       bigint not null references notification_group (id) on delete cascade,
    alert_id       bigint not null references alert (id),
    notified_state text check (notified_state in ('FIRING', 'RESOLVED')),
    primary key (group_id, alert_id)
);

-- One notification to one integration of a receiver, with the exact body to POST. Retried with exponential
-- backoff until DELIVERED or, after the last attempt, FAILED; nothing is deleted.
create table delivery (
    id                bigserial primary key,
    receiver          text        not null,
    integration       text        not null check (integration in ('webhook', 'slack')),
    integration_index int         not null,
    group_key         text        not null,
    alert_status      text        not null check (alert_status in ('firing', 'resolved')),
    alert_count       int         not null,
    fingerprints      text[]      not null,
    body              text        not null,
    status            text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          int         not null default 0,
    next_attempt_at   timestamptz not null,
    last_error        text,
    created_at        timestamptz not null,
    last_attempt_at   timestamptz,
    delivered_at      timestamptz
);

create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_created on delivery (created_at desc, id desc);

-- Silences: alerts matching all of a silence's matchers (jsonb list of {name, value, isRegex, isEqual}) between
-- starts_at and ends_at are not notified. Expiring a silence moves ends_at to the time it was expired.
create table silence (
    id         uuid primary key,
    matchers   jsonb       not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    created_by text        not null,
    comment    text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (ends_at >= starts_at)
);

create index silence_by_end on silence (ends_at);
