-- Latest public counts of every organic video of a connected creator (tiktok.organic.v1), one row per connection and
-- video. A later observation (observed_at) replaces the row; an older or equal one changes nothing. A count TikTok did
-- not return is NULL (missing, never zero).
create table organic_video (
    connection_id    varchar(128) not null,
    open_id          varchar(256) not null,
    video_id         varchar(64)  not null,
    create_time      timestamptz,
    title            text,
    description      text,
    share_url        text,
    duration_seconds integer,
    view_count       bigint,
    like_count       bigint,
    comment_count    bigint,
    share_count      bigint,
    observed_at      timestamptz  not null,
    event_id         varchar(128) not null,
    updated_at       timestamptz  not null default now(),
    primary key (connection_id, video_id)
);

create index organic_video_by_open_id on organic_video (open_id);
