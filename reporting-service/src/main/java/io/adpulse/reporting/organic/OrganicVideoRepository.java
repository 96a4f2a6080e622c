package io.adpulse.reporting.organic;

import io.adpulse.reporting.web.Exports;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code organic_video} table. */
@Repository
class OrganicVideoRepository {

    /**
     * Insert, or replace only when the stored row was observed strictly earlier: one atomic statement, so a
     * redelivery (equal {@code observed_at}) or a late older observation changes nothing.
     */
    private static final String UPSERT = """
            insert into organic_video (connection_id, open_id, video_id, create_time, title, description, share_url,
                duration_seconds, view_count, like_count, comment_count, share_count, observed_at, event_id)
            values (:connectionId, :openId, :videoId, :createTime, :title, :description, :shareUrl,
                :duration, :views, :likes, :comments, :shares, :observedAt, :eventId)
            on conflict (connection_id, video_id) do update set
                open_id = excluded.open_id, create_time = excluded.create_time, title = excluded.title,
                description = excluded.description, share_url = excluded.share_url,
                duration_seconds = excluded.duration_seconds, view_count = excluded.view_count,
                like_count = excluded.like_count, comment_count = excluded.comment_count,
                share_count = excluded.share_count, observed_at = excluded.observed_at, event_id = excluded.event_id,
                updated_at = now()
            where organic_video.observed_at < excluded.observed_at
            """;

    private final DatabaseClient db;

    OrganicVideoRepository(DatabaseClient db) {
        this.db = db;
    }

    /** {@code true} when stored, {@code false} when a newer or equal observation already was. */
    Mono<Boolean> upsertIfNewer(OrganicVideo video) {
        return db.sql(UPSERT)
                .bind("connectionId", video.connectionId())
                .bind("openId", video.openId())
                .bind("videoId", video.videoId())
                .bind("createTime", Parameter.fromOrEmpty(video.createTime(), Instant.class))
                .bind("title", Parameter.fromOrEmpty(video.title(), String.class))
                .bind("description", Parameter.fromOrEmpty(video.description(), String.class))
                .bind("shareUrl", Parameter.fromOrEmpty(video.shareUrl(), String.class))
                .bind("duration", Parameter.fromOrEmpty(video.durationSeconds(), Integer.class))
                .bind("views", Parameter.fromOrEmpty(video.views(), Long.class))
                .bind("likes", Parameter.fromOrEmpty(video.likes(), Long.class))
                .bind("comments", Parameter.fromOrEmpty(video.comments(), Long.class))
                .bind("shares", Parameter.fromOrEmpty(video.shares(), Long.class))
                .bind("observedAt", video.observedAt())
                .bind("eventId", video.eventId())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /**
     * The videos of a creator ({@code openId}) and/or a connection, in {@code sort}'s order (missing values last,
     * then by video id), streamed as PostgreSQL yields them.
     */
    Flux<OrganicVideo> videos(String openId, String connectionId, OrganicSort sort) {
        return db.sql("select * from organic_video where (:openId = '' or open_id = :openId)"
                        + " and (:connectionId = '' or connection_id = :connectionId)"
                        + " order by " + sort.orderBy() + ", video_id, connection_id")
                .bind("openId", openId == null ? "" : openId)
                .bind("connectionId", connectionId == null ? "" : connectionId)
                .filter(statement -> statement.fetchSize(Exports.FETCH_ROWS))
                .map((row, meta) -> toVideo(row))
                .all();
    }

    /**
     * Sums over a creator's videos. A sum is null when any video lacks that count (missing is never taken as zero)
     * or when there is no video.
     */
    Mono<OrganicTotals> totals(String openId) {
        return db.sql("""
                select count(*) as videos,
                       case when count(view_count) = count(*) then sum(view_count) end as views,
                       case when count(like_count) = count(*) then sum(like_count) end as likes,
                       case when count(comment_count) = count(*) then sum(comment_count) end as comments,
                       case when count(share_count) = count(*) then sum(share_count) end as shares,
                       max(observed_at) as last_observed_at
                from organic_video where open_id = :openId
                """)
                .bind("openId", openId)
                .map((row, meta) -> new OrganicTotals(row.get("videos", Long.class),
                        number(row, "views"), number(row, "likes"), number(row, "comments"), number(row, "shares"),
                        row.get("last_observed_at", Instant.class)))
                .one();
    }

    private static Long number(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.longValue();
    }

    private static OrganicVideo toVideo(Readable row) {
        return new OrganicVideo(row.get("connection_id", String.class), row.get("open_id", String.class),
                row.get("video_id", String.class), row.get("create_time", Instant.class), row.get("title", String.class),
                row.get("description", String.class), row.get("share_url", String.class),
                row.get("duration_seconds", Integer.class), row.get("view_count", Long.class),
                row.get("like_count", Long.class), row.get("comment_count", Long.class),
                row.get("share_count", Long.class), row.get("observed_at", Instant.class),
                row.get("event_id", String.class));
    }
}
