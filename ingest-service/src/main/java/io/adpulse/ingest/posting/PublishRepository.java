package io.adpulse.ingest.posting;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code publish} table. State changes are conditional on the current state, so each happens once. */
@Repository
class PublishRepository {

    private final DatabaseClient db;

    PublishRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the post unless one with its id exists; true when inserted. */
    Mono<Boolean> insert(PublishRecord p) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into publish (id, connection_id, open_id, source,"
                        + " media_id, video_url, title, privacy_level, disable_comment, disable_duet, disable_stitch,"
                        + " scheduled_at, state, requested_by, created_at, updated_at) values (:id, :connection, :open,"
                        + " :source, :media, :url, :title, :privacy, :noComment, :noDuet, :noStitch, :at, :state, :by,"
                        + " :now, :now) on conflict (id) do nothing")
                .bind("id", p.id()).bind("connection", p.connectionId()).bind("open", p.openId())
                .bind("source", p.source()).bind("title", p.title()).bind("privacy", p.privacyLevel())
                .bind("noComment", p.disableComment()).bind("noDuet", p.disableDuet())
                .bind("noStitch", p.disableStitch()).bind("at", p.scheduledAt()).bind("state", p.state())
                .bind("by", p.requestedBy()).bind("now", p.createdAt());
        spec = p.mediaId() == null ? spec.bindNull("media", String.class) : spec.bind("media", p.mediaId());
        spec = p.videoUrl() == null ? spec.bindNull("url", String.class) : spec.bind("url", p.videoUrl());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    Mono<PublishRecord> find(String id) {
        return db.sql("select * from publish where id = :id").bind("id", id).map(PublishRepository::read).one();
    }

    Mono<PublishRecord> findByPublishId(String publishId) {
        return db.sql("select * from publish where publish_id = :p").bind("p", publishId)
                .map(PublishRepository::read).one();
    }

    Flux<PublishRecord> list(String connectionId, int limit) {
        String where = connectionId == null ? "" : " where connection_id = :c";
        DatabaseClient.GenericExecuteSpec spec = db.sql("select * from publish" + where
                + " order by created_at desc limit :limit").bind("limit", limit);
        if (connectionId != null) {
            spec = spec.bind("c", connectionId);
        }
        return spec.map(PublishRepository::read).all();
    }

    /** Claims up to {@code limit} due scheduled posts (SCHEDULED → SENDING), skipping rows another instance holds. */
    Flux<PublishRecord> claimDue(Instant now, int limit) {
        return db.sql("update publish set state = 'SENDING', updated_at = :now where id in (select id from publish"
                        + " where state = 'SCHEDULED' and scheduled_at <= :now order by scheduled_at limit :limit"
                        + " for update skip locked) returning *")
                .bind("now", now).bind("limit", limit).map(PublishRepository::read).all();
    }

    /** Claims up to {@code limit} posts due for a status check by moving their next check to {@code lease}. */
    Flux<PublishRecord> claimChecks(Instant now, Instant lease, int limit) {
        return db.sql("update publish set next_check_at = :lease where id in (select id from publish"
                        + " where state = 'PROCESSING' and next_check_at <= :now order by next_check_at limit :limit"
                        + " for update skip locked) returning *")
                .bind("now", now).bind("lease", lease).bind("limit", limit).map(PublishRepository::read).all();
    }

    /** Records TikTok's publish id of a post being sent. */
    Mono<Void> started(String id, String publishId, Instant now) {
        return db.sql("update publish set publish_id = :p, updated_at = :now where id = :id and state = 'SENDING'")
                .bind("p", publishId).bind("now", now).bind("id", id).then();
    }

    /** SENDING → PROCESSING, first status check at {@code nextCheck}; false when the post had left SENDING. */
    Mono<Boolean> processing(String id, Instant nextCheck, Instant now) {
        return db.sql("update publish set state = 'PROCESSING', next_check_at = :next, updated_at = :now"
                        + " where id = :id and state = 'SENDING'")
                .bind("next", nextCheck).bind("now", now).bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** A status check without a final answer. */
    Mono<Void> checked(String id, String tiktokStatus, int checks, Instant nextCheck, Instant now) {
        return db.sql("update publish set tiktok_status = :s, checks = :c, next_check_at = :next, updated_at = :now"
                        + " where id = :id and state = 'PROCESSING'")
                .bind("s", tiktokStatus).bind("c", checks).bind("next", nextCheck).bind("now", now).bind("id", id)
                .then();
    }

    /** Records the public post id TikTok announced (any state). */
    Mono<Void> postId(String id, String postId, Instant now) {
        return db.sql("update publish set post_id = :post, updated_at = :now where id = :id")
                .bind("post", postId).bind("now", now).bind("id", id).then();
    }

    /**
     * Finishes a post that is not finished yet: the one caller that gets {@code true} announces the outcome (a
     * webhook and a status check racing finish it once).
     */
    Mono<Boolean> finish(String id, String state, String tiktokStatus, String failReason, String postId,
            Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("update publish set state = :state, tiktok_status ="
                        + " coalesce(:s, tiktok_status), fail_reason = :reason, post_id = coalesce(:post, post_id),"
                        + " next_check_at = null, updated_at = :now, finished_at = :now"
                        + " where id = :id and state not in ('PUBLISH_COMPLETE', 'FAILED')")
                .bind("state", state).bind("now", now).bind("id", id);
        spec = tiktokStatus == null ? spec.bindNull("s", String.class) : spec.bind("s", tiktokStatus);
        spec = failReason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", failReason);
        spec = postId == null ? spec.bindNull("post", String.class) : spec.bind("post", postId);
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Posts left SENDING by a crash: the caller decides what becomes of them. */
    Flux<PublishRecord> interrupted() {
        return db.sql("select * from publish where state = 'SENDING'").map(PublishRepository::read).all();
    }

    static PublishRecord read(Readable row) {
        return new PublishRecord(row.get("id", String.class), row.get("connection_id", String.class),
                row.get("open_id", String.class), row.get("source", String.class), row.get("media_id", String.class),
                row.get("video_url", String.class), row.get("title", String.class),
                row.get("privacy_level", String.class), Boolean.TRUE.equals(row.get("disable_comment", Boolean.class)),
                Boolean.TRUE.equals(row.get("disable_duet", Boolean.class)),
                Boolean.TRUE.equals(row.get("disable_stitch", Boolean.class)), row.get("scheduled_at", Instant.class),
                row.get("state", String.class), row.get("publish_id", String.class),
                row.get("tiktok_status", String.class), row.get("fail_reason", String.class),
                row.get("post_id", String.class), row.get("checks", Integer.class),
                row.get("next_check_at", Instant.class), row.get("requested_by", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("finished_at", Instant.class));
    }
}
