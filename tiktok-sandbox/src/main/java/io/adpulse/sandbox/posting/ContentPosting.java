package io.adpulse.sandbox.posting;

import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.webhook.WebhookSender;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * TikTok's side of Direct Post: publishes created by {@code video/init/}, their chunks or download, the processing
 * that ends in {@code PUBLISH_COMPLETE} or {@code FAILED} (with a {@code fail_reason}), and the
 * {@code post.publish.complete} / {@code post.publish.publicly_available} / {@code post.publish.failed} webhooks
 * sent through {@link WebhookSender}, signed like every sandbox webhook.
 *
 * <p>Fail reasons: {@code file_format_check_failed} (no MP4 movie header found), {@code duration_check_failed}
 * (longer than the creator's {@code max_video_post_duration_sec}), {@code video_pull_failed} (the URL could not be
 * fetched), {@code file_size_mismatch} (a chunk's {@code Content-Range} total is not the announced video_size) and
 * {@code chunk_missing} (the last chunk arrived while earlier ones had not). The first three are TikTok's names;
 * the last two are the sandbox's (<b>UNSURE</b>: TikTok's exact reasons for them are not in our facts).
 */
@Component
public class ContentPosting {

    private static final Logger log = LoggerFactory.getLogger(ContentPosting.class);
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(20);
    static final String PUBLISH_TYPE = "DIRECT_PUBLISH";

    private final Map<String, PublishJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids;
    private final SecureRandom random = new SecureRandom();
    private final PostingProperties properties;
    private final WebhookSender webhooks;
    private final Clock clock;
    private final WebClient http = WebClient.create();

    ContentPosting(PostingProperties properties, WebhookSender webhooks, Clock clock) {
        this.properties = properties;
        this.webhooks = webhooks;
        this.clock = clock;
        this.ids = new AtomicLong(7_300_000_000_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 1000);
    }

    /** A FILE_UPLOAD publish: checks TikTok's chunk rules and waits for the chunks. */
    PublishJob initUpload(Creator creator, CreatorSettings settings, PostInfo post, long videoSize, long chunkSize,
                          long totalChunks) {
        if (videoSize <= 0 || videoSize > 4L * 1024 * 1024 * 1024) {
            throw PostingException.invalidParams("source_info.video_size must be from 1 byte to 4 GB.");
        }
        if (videoSize < properties.minChunkSize()) {
            if (chunkSize != videoSize || totalChunks != 1) {
                throw PostingException.invalidParams("A video smaller than " + properties.minChunkSize()
                        + " bytes is uploaded whole: chunk_size must equal video_size and total_chunk_count be 1.");
            }
        } else {
            if (chunkSize < properties.minChunkSize() || chunkSize > properties.maxChunkSize()) {
                throw PostingException.invalidParams("source_info.chunk_size must be from "
                        + properties.minChunkSize() + " to " + properties.maxChunkSize() + " bytes.");
            }
            if (totalChunks != videoSize / chunkSize) {
                throw PostingException.invalidParams("source_info.total_chunk_count must be video_size / chunk_size "
                        + "rounded down (" + (videoSize / chunkSize) + "); the last chunk takes the rest.");
            }
            if (totalChunks > 1000) {
                throw PostingException.invalidParams("source_info.total_chunk_count must be at most 1000.");
            }
        }
        return store(creator, settings, post, PublishJob.Source.FILE_UPLOAD, videoSize, chunkSize, (int) totalChunks,
                null);
    }

    /** A PULL_FROM_URL publish: TikTok downloads the video at once. */
    PublishJob initPull(Creator creator, CreatorSettings settings, PostInfo post, String videoUrl) {
        URI url;
        try {
            url = URI.create(videoUrl);
        } catch (IllegalArgumentException e) {
            throw PostingException.invalidParams("source_info.video_url is not a URL.");
        }
        if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
            throw PostingException.invalidParams("source_info.video_url must be an http(s) URL.");
        }
        PublishJob job = store(creator, settings, post, PublishJob.Source.PULL_FROM_URL, 0, 0, 0, videoUrl);
        pull(job, url);
        return job;
    }

    private PublishJob store(Creator creator, CreatorSettings settings, PostInfo post, PublishJob.Source source,
                             long videoSize, long chunkSize, int totalChunks, String videoUrl) {
        String publishId = (source == PublishJob.Source.FILE_UPLOAD ? "v_pub_file~v2-1." : "v_pub_url~v2-1.")
                + ids.incrementAndGet();
        byte[] token = new byte[16];
        random.nextBytes(token);
        PublishJob job = new PublishJob(publishId, creator.openId(), source, post.title(), post.privacyLevel(),
                post.disableComment(), post.disableDuet(), post.disableStitch(), videoSize, chunkSize, totalChunks,
                videoUrl, HexFormat.of().formatHex(token), settings.maxVideoPostDurationSec(), clock.instant());
        jobs.put(publishId, job);
        return job;
    }

    Optional<PublishJob> job(String publishId) {
        return Optional.ofNullable(publishId == null ? null : jobs.get(publishId));
    }

    /** Every publish, oldest first (control API). */
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> views = new ArrayList<>();
        jobs.values().forEach(job -> views.add(job.view()));
        views.sort((a, b) -> ((String) a.get("created_at")).compareTo((String) b.get("created_at")));
        return views;
    }

    /**
     * Takes one PUT chunk {@code bytes first-last/total}: the range must be chunk {@code n}'s exactly (chunk_size
     * bytes, the last one the rest). A total other than video_size fails the publish ({@code file_size_mismatch});
     * the chunk holding the last byte ends the upload, failed with {@code chunk_missing} if chunks are missing.
     *
     * @return true when the upload is now complete
     */
    boolean chunk(PublishJob job, long first, long last, long total, byte[] bytes) {
        if (job.source() != PublishJob.Source.FILE_UPLOAD || !job.status().equals("PROCESSING_UPLOAD")) {
            throw PostingException.invalidUpload("This upload is not waiting for chunks (status " + job.status() + ").");
        }
        if (total != job.videoSize()) {
            fail(job, "file_size_mismatch");
            throw PostingException.invalidUpload("Content-Range total " + total + " is not the video_size "
                    + job.videoSize() + " given at init.");
        }
        if (first < 0 || last < first || last >= total || bytes.length != last - first + 1) {
            throw PostingException.invalidUpload("Content-Range bytes " + first + "-" + last + "/" + total
                    + " does not match the " + bytes.length + " bytes sent.");
        }
        int index = (int) Math.min(first / job.chunkSize(), job.totalChunks() - 1);
        long expectedFirst = index * job.chunkSize();
        long expectedLast = index == job.totalChunks() - 1 ? total - 1 : expectedFirst + job.chunkSize() - 1;
        if (first != expectedFirst || last != expectedLast) {
            throw PostingException.invalidUpload("Chunk " + (index + 1) + " must be bytes " + expectedFirst + "-"
                    + expectedLast + ".");
        }
        if (job.chunk(index, bytes.length)) {
            OptionalLong duration = Mp4.durationSeconds(bytes);
            if (duration.isPresent()) {
                job.duration(duration.getAsLong());
            }
        }
        if (index == job.totalChunks() - 1 || job.allChunks()) {
            if (!job.allChunks()) {
                fail(job, "chunk_missing");
                throw PostingException.invalidUpload("The last chunk arrived but chunk(s) " + job.missingChunks()
                        .stream().map(i -> Integer.toString(i + 1)).toList() + " did not.");
            }
            process(job);
            return true;
        }
        return false;
    }

    private void pull(PublishJob job, URI url) {
        long max = properties.maxPullBytes();
        http.get().uri(url).retrieve().bodyToFlux(DataBuffer.class)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .reduce(new java.io.ByteArrayOutputStream(), (out, bytes) -> {
                    if (out.size() + bytes.length > max) {
                        throw new IllegalStateException("video larger than " + max + " bytes");
                    }
                    out.writeBytes(bytes);
                    return out;
                })
                .timeout(PULL_TIMEOUT)
                .subscribe(out -> {
                    byte[] video = out.toByteArray();
                    job.downloaded(video.length);
                    Mp4.durationSeconds(video).ifPresent(job::duration);
                    process(job);
                }, e -> {
                    log.info("Publish {}: video could not be pulled: {}", job.publishId(), e.toString());
                    fail(job, "video_pull_failed");
                });
    }

    /** After the processing delay: check the format and duration, then publish or fail. */
    private void process(PublishJob job) {
        Mono.delay(properties.processingDelay()).subscribe(tick -> {
            Long duration = job.durationSec();
            if (duration == null) {
                fail(job, "file_format_check_failed");
            } else if (duration > job.maxDurationSec()) {
                fail(job, "duration_check_failed");
            } else {
                complete(job);
            }
        });
    }

    private void complete(PublishJob job) {
        String postId = Long.toString(ids.incrementAndGet());
        if (!job.complete(postId)) {
            return;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("publish_id", job.publishId());
        content.put("publish_type", PUBLISH_TYPE);
        webhooks.deliver(webhooks.notification("post.publish.complete", job.openId(), content));
        if (job.privacyLevel().equals("PUBLIC_TO_EVERYONE")) {
            Map<String, Object> available = new LinkedHashMap<>(content);
            available.put("post_id", postId);
            webhooks.deliver(webhooks.notification("post.publish.publicly_available", job.openId(), available));
        }
    }

    private void fail(PublishJob job, String reason) {
        if (!job.fail(reason)) {
            return;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("publish_id", job.publishId());
        content.put("reason", reason);
        content.put("publish_type", PUBLISH_TYPE);
        webhooks.deliver(webhooks.notification("post.publish.failed", job.openId(), content));
    }

    /** {@code post_info} of an init, checked. */
    record PostInfo(String title, String privacyLevel, boolean disableComment, boolean disableDuet,
                    boolean disableStitch) {
    }
}
