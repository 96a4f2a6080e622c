-- Clients own brands; a brand groups advertisers. Set up by administrators through the API, never from
-- TikTok data. An advertiser belongs to at most one brand (advertiser_id is the key of brand_advertiser), so
-- a client roll-up never counts an advertiser twice.
create table client (
    client_id  varchar(64)  primary key,
    name       text         not null,
    created_by varchar(128) not null,
    created_at timestamptz  not null,
    updated_by varchar(128) not null,
    updated_at timestamptz  not null
);

create unique index client_name_unique on client (lower(name));

create table brand (
    brand_id   varchar(64)  primary key,
    client_id  varchar(64)  not null references client (client_id),
    name       text         not null,
    created_by varchar(128) not null,
    created_at timestamptz  not null,
    updated_by varchar(128) not null,
    updated_at timestamptz  not null
);

create unique index brand_name_unique on brand (client_id, lower(name));
create index brand_by_client on brand (client_id);

create table brand_advertiser (
    advertiser_id varchar(128) primary key,
    brand_id      varchar(64)  not null references brand (brand_id) on delete cascade,
    assigned_by   varchar(128) not null,
    assigned_at   timestamptz  not null
);

create index brand_advertiser_by_brand on brand_advertiser (brand_id);

-- Daily FX rates: on rate_date (an advertiser-local date of the rows converted), 1 base_currency is worth
-- rate quote_currency. Entered by administrators or loaded from configuration; never guessed.
create table fx_rate (
    rate_date      date           not null,
    base_currency  char(3)        not null,
    quote_currency char(3)        not null,
    rate           numeric(24, 12) not null check (rate > 0),
    source         varchar(32)    not null,
    updated_by     varchar(128)   not null,
    updated_at     timestamptz    not null,
    primary key (rate_date, base_currency, quote_currency),
    check (base_currency <> quote_currency)
);
