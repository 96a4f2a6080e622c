-- The scopes of a connection's latest grant (comma separated, as TikTok lists them): comment polling and posting ask
-- only creators who granted comment.list / video.publish.
alter table connection add column scopes text not null default '';

-- Videos operators upload for posting to a creator account, stored in chunks (TikTok's FILE_UPLOAD sends them in
-- chunks too, so a chunk is read and sent without holding the whole file). The media row is written after its
-- chunks; an upload that fails half-way deletes its chunks.
create table media (
    id            text primary key,
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes > 0),
    chunk_bytes   integer     not null check (chunk_bytes > 0),
    chunk_count   integer     not null check (chunk_count > 0),
    sha256        text        not null,
    uploaded_by   text        not null,
    created_at    timestamptz not null
);

create table media_chunk (
    media_id text    not null,
    idx      integer not null,
    bytes    bytea   not null,
    primary key (media_id, idx)
);

-- Direct Posts to creator accounts: one row per post, created once per command (id = the command's id), executed
-- at most once (SCHEDULED -> SENDING -> PROCESSING -> PUBLISH_COMPLETE | FAILED). publish_id is TikTok's.
create table publish (
    id              text primary key,
    connection_id   text        not null,
    open_id         text        not null,
    source          text        not null check (source in ('FILE_UPLOAD', 'PULL_FROM_URL')),
    media_id        text,
    video_url       text,
    title           text        not null default '',
    privacy_level   text        not null,
    disable_comment boolean     not null,
    disable_duet    boolean     not null,
    disable_stitch  boolean     not null,
    scheduled_at    timestamptz not null,
    state           text        not null check (state in ('SCHEDULED', 'SENDING', 'PROCESSING', 'PUBLISH_COMPLETE', 'FAILED')),
    publish_id      text unique,
    tiktok_status   text,
    fail_reason     text,
    post_id         text,
    checks          integer     not null default 0,
    next_check_at   timestamptz,
    requested_by    text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    finished_at     timestamptz,
    check ((source = 'FILE_UPLOAD' and media_id is not null) or (source = 'PULL_FROM_URL' and video_url is not null))
);

create index publish_due on publish (scheduled_at) where state = 'SCHEDULED';
create index publish_checking on publish (next_check_at) where state = 'PROCESSING';

-- Comment triage: viewers' comments on creator connections' recent videos, first seen by the comment poll; the
-- queue is what is not handled yet.
create table comment_triage (
    comment_id     text primary key,
    connection_id  text        not null,
    open_id        text        not null,
    video_id       text        not null,
    username       text,
    text           text        not null,
    commented_at   timestamptz,
    first_seen_at  timestamptz not null,
    hidden         boolean     not null default false,
    assignee       text,
    handled        boolean     not null default false,
    handled_by     text,
    handled_at     timestamptz,
    replied_at     timestamptz,
    reply_id       text
);

create index comment_triage_open on comment_triage (first_seen_at desc) where not handled;
create index comment_triage_connection on comment_triage (connection_id);
