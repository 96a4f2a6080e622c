package io.adpulse.ingest.comments;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code comment_triage} table. */
@Repository
class CommentRepository {

    private final DatabaseClient db;

    CommentRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Adds a comment first seen now, or refreshes whether TikTok shows it; true when it is new. */
    Mono<Boolean> upsert(String connectionId, String openId, TikTokComment c, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into comment_triage (comment_id, connection_id, open_id,"
                        + " video_id, username, text, commented_at, first_seen_at, hidden) values (:id, :connection,"
                        + " :open, :video, :user, :text, :at, :now, :hidden) on conflict (comment_id) do update set"
                        + " hidden = excluded.hidden returning (xmax = 0) as inserted")
                .bind("id", c.commentId()).bind("connection", connectionId).bind("open", openId)
                .bind("video", c.videoId()).bind("text", c.text()).bind("now", now).bind("hidden", c.hidden());
        spec = c.username() == null ? spec.bindNull("user", String.class) : spec.bind("user", c.username());
        spec = c.createTime() == null ? spec.bindNull("at", Instant.class) : spec.bind("at", c.createTime());
        return spec.map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class))).one();
    }

    Mono<TriagedComment> find(String commentId) {
        return db.sql("select * from comment_triage where comment_id = :id").bind("id", commentId)
                .map(CommentRepository::read).one();
    }

    /** The queue: {@code status} NEW (not handled, nobody assigned), ASSIGNED, OPEN (not handled), HANDLED or ALL. */
    Flux<TriagedComment> list(String status, String connectionId, String assignee, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        switch (status) {
            case "NEW" -> where.append(" and not handled and assignee is null");
            case "ASSIGNED" -> where.append(" and not handled and assignee is not null");
            case "OPEN" -> where.append(" and not handled");
            case "HANDLED" -> where.append(" and handled");
            default -> { }
        }
        if (connectionId != null) {
            where.append(" and connection_id = :connection");
        }
        if (assignee != null) {
            where.append(" and assignee = :assignee");
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("select * from comment_triage" + where
                + " order by coalesce(commented_at, first_seen_at) desc, comment_id limit :limit").bind("limit", limit);
        if (connectionId != null) {
            spec = spec.bind("connection", connectionId);
        }
        if (assignee != null) {
            spec = spec.bind("assignee", assignee);
        }
        return spec.map(CommentRepository::read).all();
    }

    Mono<Void> assign(String commentId, String assignee) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("update comment_triage set assignee = :a where comment_id = :id")
                .bind("id", commentId);
        return (assignee == null ? spec.bindNull("a", String.class) : spec.bind("a", assignee)).then();
    }

    Mono<Void> handled(String commentId, boolean handled, String actor, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("update comment_triage set handled = :h, handled_by = :by,"
                + " handled_at = :at where comment_id = :id").bind("h", handled).bind("id", commentId);
        spec = handled ? spec.bind("by", actor).bind("at", now)
                : spec.bindNull("by", String.class).bindNull("at", Instant.class);
        return spec.then();
    }

    Mono<Void> replied(String commentId, String replyId, Instant now) {
        return db.sql("update comment_triage set reply_id = :r, replied_at = :at where comment_id = :id")
                .bind("r", replyId).bind("at", now).bind("id", commentId).then();
    }

    Mono<Void> hidden(String commentId, boolean hidden) {
        return db.sql("update comment_triage set hidden = :h where comment_id = :id")
                .bind("h", hidden).bind("id", commentId).then();
    }

    static TriagedComment read(Readable row) {
        return new TriagedComment(row.get("comment_id", String.class), row.get("connection_id", String.class),
                row.get("open_id", String.class), row.get("video_id", String.class), row.get("username", String.class),
                row.get("text", String.class), row.get("commented_at", Instant.class),
                row.get("first_seen_at", Instant.class), Boolean.TRUE.equals(row.get("hidden", Boolean.class)),
                row.get("assignee", String.class), Boolean.TRUE.equals(row.get("handled", Boolean.class)),
                row.get("handled_by", String.class), row.get("handled_at", Instant.class),
                row.get("replied_at", Instant.class), row.get("reply_id", String.class));
    }
}
