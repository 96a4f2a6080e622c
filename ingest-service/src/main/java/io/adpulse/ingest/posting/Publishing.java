package io.adpulse.ingest.posting;

import io.adpulse.ingest.connection.Connection;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.command.TikTokAnswer;
import io.adpulse.ingest.command.TikTokWriter;
import io.adpulse.ingest.media.MediaStore;
import io.adpulse.ingest.media.StoredMedia;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.SyncReason;
import io.adpulse.ingest.sync.SyncTally;
import io.adpulse.ingest.token.AccessToken;
import io.adpulse.ingest.token.TransitKeyRing;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Direct Posts to creator accounts. A post is stored once (its id is the command's, so a retried command finds the
 * same post), waits until its time, is sent once ({@code video/init/}, then the chunks of an uploaded video, or TikTok
 * pulls the URL), then followed to its end: {@code status/fetch/} with growing waits, or earlier when TikTok's
 * {@code post.publish.*} webhook arrives. Whichever sees the end first finishes the post, once, and tells the
 * {@link PublishOutcomeListener}s.
 *
 * <p>At most once: a post is claimed SCHEDULED → SENDING before anything is sent, and {@code video/init/} is never
 * repeated after a lost answer. A post left SENDING by a crash before TikTok named its publish id fails with a reason
 * rather than being sent again; one with a publish id goes on being checked.
 */
@Service
public class Publishing {

    private static final Logger log = LoggerFactory.getLogger(Publishing.class);
    private static final int BATCH = 10;
    private static final Duration CHECK_LEASE = Duration.ofMinutes(2);
    private static final int MAX_TITLE = 2200;
    /** The scope Direct Post needs. */
    public static final String SCOPE = "video.publish";

    private final PublishRepository posts;
    private final ConnectionRepository connections;
    private final TransitKeyRing keyRing;
    private final MediaStore media;
    private final ContentPostingApi tiktok;
    private final TikTokWriter writer;
    private final PublishingSettings settings;
    private final ObjectProvider<PublishOutcomeListener> listeners;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, String> avatars = new java.util.concurrent.ConcurrentHashMap<>();

    Publishing(PublishRepository posts, ConnectionRepository connections, TransitKeyRing keyRing, MediaStore media,
            ContentPostingApi tiktok, TikTokWriter writer, PublishingSettings settings, ObjectProvider<PublishOutcomeListener> listeners,
            MeterRegistry meters, Clock clock) {
        this.posts = posts;
        this.connections = connections;
        this.keyRing = keyRing;
        this.media = media;
        this.tiktok = tiktok;
        this.writer = writer;
        this.settings = settings;
        this.listeners = listeners;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Stores the post (or finds the one stored under its id before); it is sent at its time by the scheduler.
     * Fails with {@link PostRejected} when the connection, the video or a choice is missing.
     */
    public Mono<PublishRecord> submit(NewPost post) {
        return validated(post).flatMap(checked -> {
            Instant now = clock.instant();
            Instant at = post.scheduledAt() == null || post.scheduledAt().isBefore(now) ? now : post.scheduledAt();
            PublishRecord record = new PublishRecord(post.id(), post.connectionId(), checked.connection().advertiserId(),
                    checked.request().source().name(), post.mediaId(), post.videoUrl(),
                    post.title() == null ? "" : post.title(), post.privacyLevel(), post.disableComment(),
                    post.disableDuet(), post.disableStitch(), at, PublishRecord.SCHEDULED, null, null, null, null, 0,
                    null, post.requestedBy(), now, now, null);
            return posts.insert(record).then(posts.find(post.id()));
        });
    }

    public Mono<PublishRecord> find(String id) {
        return posts.find(id);
    }

    public Flux<PublishRecord> list(String connectionId, int limit) {
        return posts.list(connectionId, limit);
    }

    /** What TikTok says the creator's posting screen must show and offer (called live, per screen). */
    public Mono<CreatorInfo> creatorInfo(String connectionId) {
        return creator(connectionId).flatMap(connection -> tiktok.creatorInfo(origin(connection),
                keyRing.open(connection.token(), connection.id())))
                .doOnNext(info -> {
                    if (info.avatarUrl() != null) {
                        avatars.put(connectionId, info.avatarUrl());
                    }
                });
    }

    /**
     * The avatar of the creator, fetched from the URL the last {@link #creatorInfo} answered (TikTok's CDN), so the
     * browser shows it from Adpulse's origin; empty before a creator_info or when it cannot be fetched.
     */
    public Mono<ContentPostingApi.Avatar> avatar(String connectionId) {
        String url = avatars.get(connectionId);
        if (url == null) {
            return Mono.empty();
        }
        try {
            return tiktok.avatar(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }

    /**
     * The {@code video/init/} request {@code post} makes, after the same checks as {@link #submit} (the command's dry
     * run shows it); fails with {@link PostRejected}.
     */
    public Mono<PostRequest> request(NewPost post) {
        return validated(post).map(Checked::request);
    }

    private record Checked(Connection connection, PostRequest request) {
    }

    private Mono<Checked> validated(NewPost post) {
        if (post.id() == null || post.id().isBlank()) {
            return Mono.error(new PostRejected("A post needs an id.", false));
        }
        if (post.privacyLevel() == null || post.privacyLevel().isBlank()) {
            return Mono.error(new PostRejected("privacyLevel is required: the user must choose one of the creator's"
                    + " privacy_level_options (there is no default).", false));
        }
        if (post.title() != null && post.title().length() > MAX_TITLE) {
            return Mono.error(new PostRejected("title must be at most " + MAX_TITLE + " characters.", false));
        }
        if ((post.mediaId() == null) == (post.videoUrl() == null)) {
            return Mono.error(new PostRejected("Give exactly one of mediaId (an uploaded video) and videoUrl.", false));
        }
        if (post.videoUrl() != null && !isHttpUrl(post.videoUrl())) {
            return Mono.error(new PostRejected("videoUrl must be an absolute http(s) URL.", false));
        }
        return creator(post.connectionId()).flatMap(connection -> connections.hasScope(connection.id(), SCOPE)
                .flatMap(granted -> granted ? Mono.just(connection) : Mono.error(new PostRejected("The creator did not"
                        + " grant Adpulse the " + SCOPE + " scope; reconnect the account to allow posting.", false))))
                .flatMap(connection -> {
            if (post.videoUrl() != null) {
                return Mono.just(new Checked(connection, request(post, PostRequest.Source.PULL_FROM_URL, null)));
            }
            return media.find(post.mediaId())
                    .switchIfEmpty(Mono.error(() -> new PostRejected("No uploaded video '" + post.mediaId() + "'.",
                            true)))
                    .map(video -> new Checked(connection, request(post, PostRequest.Source.FILE_UPLOAD, video)));
        });
    }

    private Mono<Connection> creator(String connectionId) {
        return connections.findActiveCreator(connectionId)
                .switchIfEmpty(Mono.error(() -> new PostRejected("No active creator connection '" + connectionId
                        + "'.", true)));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** TikTok's chunking of a stored video: whole below one stored chunk, else stored chunks with the rest last. */
    static PostRequest request(NewPost post, PostRequest.Source source, StoredMedia video) {
        Long size = null;
        Long chunk = null;
        Integer total = null;
        if (video != null) {
            size = video.sizeBytes();
            chunk = video.sizeBytes() < video.chunkBytes() ? video.sizeBytes() : (long) video.chunkBytes();
            total = (int) (size / chunk);
        }
        return new PostRequest(post.title() == null ? "" : post.title(), post.privacyLevel(), post.disableComment(),
                post.disableDuet(), post.disableStitch(), source, size, chunk, total, post.videoUrl());
    }

    /** Sends the posts whose time has come. */
    Mono<Long> sendDue() {
        return posts.claimDue(clock.instant(), BATCH).concatMap(this::send).count();
    }

    private Mono<Void> send(PublishRecord post) {
        return Mono.defer(() -> {
            log.info("Sending post {} to creator connection {}", post.id(), post.connectionId());
            return connections.findActiveCreator(post.connectionId())
                    .switchIfEmpty(Mono.error(() -> new PostRejected("The creator connection '" + post.connectionId()
                            + "' is no longer active.", true)))
                    .flatMap(connection -> {
                        AccessToken token = keyRing.open(connection.token(), connection.id());
                        CallOrigin origin = origin(connection);
                        Mono<StoredMedia> video = post.mediaId() == null ? Mono.empty() : media.find(post.mediaId())
                                .switchIfEmpty(Mono.error(() -> new PostRejected("The uploaded video '"
                                        + post.mediaId() + "' is gone.", true)));
                        return video.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(stored -> {
                                    NewPost asked = new NewPost(post.id(), post.connectionId(), post.mediaId(),
                                            post.videoUrl(), post.title(), post.privacyLevel(), post.disableComment(),
                                            post.disableDuet(), post.disableStitch(), post.scheduledAt(),
                                            post.requestedBy());
                                    PostRequest request = request(asked, PostRequest.Source.valueOf(post.source()),
                                            stored.orElse(null));
                                    return writer.send(origin, token, request.call())
                                            .flatMap(answer -> {
                                                String publishId = answer.dataText("publish_id");
                                                if (!answer.ok() || publishId == null) {
                                                    return Mono.error(new IllegalStateException(refusal(answer)));
                                                }
                                                String uploadUrl = answer.dataText("upload_url");
                                                return posts.started(post.id(), publishId, clock.instant())
                                                        .then(stored.isPresent() ? upload(origin,
                                                                URI.create(String.valueOf(uploadUrl)), stored.get(),
                                                                request) : Mono.empty());
                                            });
                                });
                    })
                    .then(Mono.defer(() -> posts.processing(post.id(),
                            clock.instant().plus(settings.backoff(1)), clock.instant())))
                    // a webhook may have finished the post already: then its outcome was reported, not this step
                    .filter(Boolean::booleanValue)
                    .flatMap(moved -> posts.find(post.id()))
                    .flatMap(sent -> Flux.fromIterable(listeners.orderedStream().toList())
                            .concatMap(listener -> listener.sent(sent).onErrorResume(e -> {
                                log.warn("Reporting post {} as sent failed: {}", post.id(), e.toString());
                                return Mono.empty();
                            }))
                            .then())
                    .onErrorResume(e -> {
                        String reason = reason(e);
                        log.warn("Post {} failed while sending: {}", post.id(), reason);
                        return finish(post.id(), PublishRecord.FAILED, null, reason, null);
                    });
        });
    }

    /** PUTs TikTok's chunks in order: stored chunks, the last TikTok chunk holding the rest. */
    private Mono<Void> upload(CallOrigin origin, URI uploadUrl, StoredMedia video, PostRequest request) {
        long chunkSize = request.chunkSize();
        int total = request.totalChunkCount();
        return Flux.range(0, total)
                .concatMap(i -> {
                    int lastStored = i == total - 1 ? video.chunkCount() - 1 : i;
                    Mono<byte[]> bytes = i == lastStored ? media.chunk(video.id(), i)
                            : Flux.range(i, lastStored - i + 1).concatMap(n -> media.chunk(video.id(), n))
                                    .reduce(new java.io.ByteArrayOutputStream(), (out, b) -> {
                                        out.writeBytes(b);
                                        return out;
                                    })
                                    .map(java.io.ByteArrayOutputStream::toByteArray);
                    long first = i * chunkSize;
                    return bytes.flatMap(chunk -> tiktok.uploadChunk(origin, uploadUrl, video.contentType(), chunk,
                            first, first + chunk.length - 1, video.sizeBytes()));
                })
                .then();
    }

    /** Checks the posts TikTok is processing whose next check is due. */
    Mono<Long> checkDue() {
        Instant now = clock.instant();
        return posts.claimChecks(now, now.plus(CHECK_LEASE), BATCH).concatMap(this::check).count();
    }

    private Mono<Void> check(PublishRecord post) {
        int checks = post.checks() + 1;
        return connections.findActiveCreator(post.connectionId())
                .switchIfEmpty(Mono.error(() -> new PostRejected("The creator connection '" + post.connectionId()
                        + "' is no longer active; the post's outcome is unknown.", true)))
                .flatMap(connection -> tiktok.status(origin(connection), keyRing.open(connection.token(),
                        connection.id()), post.publishId()))
                .flatMap(status -> {
                    if (status.finished()) {
                        boolean done = "PUBLISH_COMPLETE".equals(status.status());
                        return finish(post.id(), done ? PublishRecord.PUBLISH_COMPLETE : PublishRecord.FAILED,
                                status.status(), done ? null : failReason(status.failReason()),
                                status.publicPostIds().isEmpty() ? null : status.publicPostIds().get(0));
                    }
                    return later(post, checks, status.status(), null);
                })
                .onErrorResume(e -> e instanceof PostRejected
                        ? finish(post.id(), PublishRecord.FAILED, null, e.getMessage(), null)
                        : later(post, checks, post.tiktokStatus(), reason(e)));
    }

    private Mono<Void> later(PublishRecord post, int checks, String tiktokStatus, String error) {
        if (checks >= settings.maxStatusChecks()) {
            return finish(post.id(), PublishRecord.FAILED, tiktokStatus, "TikTok gave no final status after "
                    + checks + " checks" + (error == null ? "" : " (last: " + error + ")"), null);
        }
        Instant now = clock.instant();
        return posts.checked(post.id(), tiktokStatus, checks, now.plus(settings.backoff(checks + 1)), now);
    }

    /** A {@code post.publish.*} webhook: finishes the post early, or records its public post id. */
    public Mono<Void> onWebhook(String event, Map<String, String> content) {
        String publishId = content.get("publish_id");
        if (publishId == null || !event.startsWith("post.publish.")) {
            return Mono.empty();
        }
        return posts.findByPublishId(publishId).flatMap(post -> switch (event) {
            case "post.publish.complete" ->
                    finish(post.id(), PublishRecord.PUBLISH_COMPLETE, "PUBLISH_COMPLETE", null, null);
            case "post.publish.failed" ->
                    finish(post.id(), PublishRecord.FAILED, "FAILED", failReason(content.get("reason")), null);
            case "post.publish.publicly_available" -> content.get("post_id") == null ? Mono.<Void>empty()
                    : posts.postId(post.id(), content.get("post_id"), clock.instant());
            default -> Mono.<Void>empty();
        });
    }

    /** At startup: posts left SENDING by a crash. */
    Mono<Void> recoverInterrupted() {
        return posts.interrupted().concatMap(post -> post.publishId() == null
                ? finish(post.id(), PublishRecord.FAILED, null, "Interrupted while being sent, before TikTok accepted"
                        + " it; not sent again so that it cannot be posted twice. Post it anew if it is not on TikTok.",
                        null)
                : posts.processing(post.id(), clock.instant(), clock.instant()).then()).then();
    }

    private Mono<Void> finish(String id, String state, String tiktokStatus, String failReason, String postId) {
        return posts.finish(id, state, tiktokStatus, failReason, postId, clock.instant())
                .flatMap(won -> !won ? Mono.<Void>empty() : posts.find(id).flatMap(post -> {
                    meters.counter("adpulse.publish.outcomes", "outcome", state).increment();
                    log.info("Post {} finished: {}{}", id, state, failReason == null ? "" : " (" + failReason + ")");
                    return Flux.fromIterable(listeners.orderedStream().toList())
                            .concatMap(listener -> listener.finished(post))
                            .then();
                }));
    }

    private static CallOrigin origin(Connection connection) {
        return new CallOrigin(connection.id(), connection.advertiserId(), SyncReason.COMMAND, new SyncTally());
    }

    private static String failReason(String tiktokReason) {
        return tiktokReason == null || tiktokReason.isBlank() ? "TikTok reported the post as failed without a reason"
                : tiktokReason;
    }

    private static String refusal(TikTokAnswer answer) {
        if (answer.code() == null) {
            return "TikTok was not reached or did not answer video/init: " + answer.message();
        }
        if (!answer.ok()) {
            return "TikTok refused video/init with code " + answer.code() + ": " + answer.message();
        }
        return "TikTok answered video/init without a publish_id";
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
