-- Generated client reports, kept with their content. Client and brand names are copied at generation, and there is
-- no foreign key, so a report stays as it was generated when its client or brand is renamed or deleted.
create table report (
    report_id    varchar(64)  primary key,
    kind         varchar(16)  not null,
    client_id    varchar(64)  not null,
    client_name  text         not null,
    brand_id     varchar(64),
    brand_name   text,
    period_start date         not null,
    period_end   date         not null,
    scheduled    boolean      not null,
    requested_by varchar(128) not null,
    generated_at timestamptz  not null,
    html         text         not null,
    csv          text         not null
);

create index report_by_client on report (client_id, period_start desc, generated_at desc);
create index report_by_generated on report (generated_at desc);
-- The schedule generates a client's (or brand's) report of a week once, whatever the number of instances or ticks.
create unique index report_scheduled_once on report (client_id, (coalesce(brand_id, '')), period_start)
    where scheduled;

-- Events written in the same transaction as the report they announce, published afterwards by the relay in the order
-- they were written (id), then marked.
create table outbox (
    id           bigserial    primary key,
    topic        varchar(128) not null,
    record_key   varchar(128) not null,
    event_id     varchar(64)  not null unique,
    event_type   varchar(128) not null,
    payload      bytea        not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
