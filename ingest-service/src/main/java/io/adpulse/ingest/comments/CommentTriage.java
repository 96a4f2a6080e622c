package io.adpulse.ingest.comments;

import io.adpulse.ingest.connection.Connection;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.organic.DisplayApi;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.SyncReason;
import io.adpulse.ingest.sync.SyncTally;
import io.adpulse.ingest.token.TransitKeyRing;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Comment triage for creator connections: the poll reads the comments of each creator's newest videos into the
 * queue (viewers' comments only; the creator's own replies are not work), and operators assign, mark handled, reply
 * or hide through commands ({@code comment.assign}, {@code comment.handled}, {@code comment.reply},
 * {@code comment.hide}). Replies and hides go to TikTok; assignment and handling are Adpulse's own.
 */
@Service
public class CommentTriage {

    static final int MAX_REPLY = 150;
    private static final java.time.Duration POLL_TIMEOUT = java.time.Duration.ofMinutes(2);
    /** The scope a creator grants for its comments to be read (and {@code comment.list.manage} to reply or hide). */
    public static final String LIST_SCOPE = "comment.list";
    private static final Logger log = LoggerFactory.getLogger(CommentTriage.class);

    private final CommentRepository comments;
    private final ConnectionRepository connections;
    private final TransitKeyRing keyRing;
    private final DisplayApi videos;
    private final CommentApi tiktok;
    private final CommentSettings settings;
    private final Clock clock;

    CommentTriage(CommentRepository comments, ConnectionRepository connections, TransitKeyRing keyRing,
            DisplayApi videos, CommentApi tiktok, CommentSettings settings, Clock clock) {
        this.comments = comments;
        this.connections = connections;
        this.keyRing = keyRing;
        this.videos = videos;
        this.tiktok = tiktok;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads the recent comments of every active creator that granted {@code comment.list}; the number of new ones. Failures are logged per connection. */
    Mono<Long> pollAll() {
        return connections.activeCreatorsWithScope(LIST_SCOPE).concatMap(this::poll).reduce(0L, Long::sum);
    }

    /** Reads one creator connection's recent comments into the queue; the number of new ones. */
    public Mono<Long> poll(Connection connection) {
        CallOrigin origin = origin(connection, SyncReason.SCHEDULE);
        return Mono.fromCallable(() -> keyRing.open(connection.token(), connection.id()))
                .flatMapMany(token -> videos.recentVideos(origin, token, settings.videos())
                        .concatMap(video -> tiktok.comments(origin, token, connection.advertiserId(), video.videoId(),
                                settings.pages())))
                .filter(comment -> !comment.owner())
                .concatMap(comment -> comments.upsert(connection.id(), connection.advertiserId(), comment,
                        clock.instant()))
                .filter(Boolean::booleanValue)
                .count()
                // one connection waiting for the app's rate budget must not hold up the others' polls for long
                .timeout(POLL_TIMEOUT)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Comment poll of {}: {} new comment(s)", connection.id(), n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Comment poll of {} failed: {}", connection.id(), e.getMessage());
                    return Mono.just(0L);
                });
    }

    public Flux<TriagedComment> list(String status, String connectionId, String assignee, int limit) {
        return comments.list(status, connectionId, assignee, limit);
    }

    public Mono<TriagedComment> find(String commentId) {
        return comments.find(commentId).switchIfEmpty(Mono.error(() -> new CommentRejected("No comment '" + commentId
                + "' in the triage queue.", true)));
    }

    /** Gives the comment to {@code assignee} (null: nobody); the comment before and after. */
    public Mono<Change> assign(String commentId, String assignee) {
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (who != null && who.length() > 200) {
            return Mono.error(new CommentRejected("assignee must be at most 200 characters.", false));
        }
        return find(commentId).flatMap(before -> comments.assign(commentId, who).then(comments.find(commentId))
                .map(after -> new Change(before, after)));
    }

    /** Marks the comment handled (or open again) by {@code actor}; the comment before and after. */
    public Mono<Change> handled(String commentId, boolean handled, String actor) {
        return find(commentId).flatMap(before -> comments.handled(commentId, handled, actor, clock.instant())
                .then(comments.find(commentId)).map(after -> new Change(before, after)));
    }

    /** Records the reply TikTok accepted. */
    public Mono<Void> recordReply(String commentId, String replyId) {
        return comments.replied(commentId, replyId, clock.instant());
    }

    /** Records that TikTok hid (or showed) the comment. */
    public Mono<Void> recordHidden(String commentId, boolean hidden) {
        return comments.hidden(commentId, hidden);
    }

    /** The comment as a command's {@code before}/{@code after} record. */
    public static Map<String, Object> snapshot(TriagedComment c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("commentId", c.commentId());
        map.put("videoId", c.videoId());
        map.put("assignee", c.assignee());
        map.put("handled", c.handled());
        map.put("handledBy", c.handledBy());
        map.put("hidden", c.hidden());
        map.put("replyId", c.replyId());
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    /** A triage change: the comment before and after (what the audit records). */
    public record Change(TriagedComment before, TriagedComment after) {
    }

    /** Checks a reply's text. */
    static void checkReply(String text) {
        if (text == null || text.isBlank()) {
            throw new CommentRejected("A reply needs text.", false);
        }
        if (text.length() > MAX_REPLY) {
            throw new CommentRejected("A reply is at most " + MAX_REPLY + " characters.", false);
        }
    }

    private static CallOrigin origin(Connection connection, SyncReason reason) {
        return new CallOrigin(connection.id(), connection.advertiserId(), reason, new SyncTally());
    }
}
