package io.adpulse.sandbox.posting;

import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One publish TikTok is working on: created by {@code video/init/}, fed by chunk uploads or a download, then
 * processed to {@code PUBLISH_COMPLETE} or {@code FAILED}. Guarded by its own monitor.
 */
public final class PublishJob {

    public enum Source { FILE_UPLOAD, PULL_FROM_URL }

    private final String publishId;
    private final String openId;
    private final Source source;
    private final String title;
    private final String privacyLevel;
    private final boolean disableComment;
    private final boolean disableDuet;
    private final boolean disableStitch;
    private final long videoSize;
    private final long chunkSize;
    private final int totalChunks;
    private final String videoUrl;
    private final String uploadToken;
    private final int maxDurationSec;
    private final Instant createdAt;
    private final BitSet received = new BitSet();
    private long transferredBytes;
    private Long durationSec;
    private String status;
    private String failReason;
    private String postId;

    PublishJob(String publishId, String openId, Source source, String title, String privacyLevel,
               boolean disableComment, boolean disableDuet, boolean disableStitch, long videoSize, long chunkSize,
               int totalChunks, String videoUrl, String uploadToken, int maxDurationSec, Instant createdAt) {
        this.publishId = publishId;
        this.openId = openId;
        this.source = source;
        this.title = title;
        this.privacyLevel = privacyLevel;
        this.disableComment = disableComment;
        this.disableDuet = disableDuet;
        this.disableStitch = disableStitch;
        this.videoSize = videoSize;
        this.chunkSize = chunkSize;
        this.totalChunks = totalChunks;
        this.videoUrl = videoUrl;
        this.uploadToken = uploadToken;
        this.maxDurationSec = maxDurationSec;
        this.createdAt = createdAt;
        this.status = source == Source.FILE_UPLOAD ? "PROCESSING_UPLOAD" : "PROCESSING_DOWNLOAD";
    }

    public String publishId() {
        return publishId;
    }

    public String openId() {
        return openId;
    }

    Source source() {
        return source;
    }

    String uploadToken() {
        return uploadToken;
    }

    String videoUrl() {
        return videoUrl;
    }

    long videoSize() {
        return videoSize;
    }

    long chunkSize() {
        return chunkSize;
    }

    int totalChunks() {
        return totalChunks;
    }

    int maxDurationSec() {
        return maxDurationSec;
    }

    String privacyLevel() {
        return privacyLevel;
    }

    public synchronized String status() {
        return status;
    }

    synchronized boolean finished() {
        return status.equals("PUBLISH_COMPLETE") || status.equals("FAILED");
    }

    synchronized boolean processing() {
        return status.startsWith("PROCESSING_") || status.equals("PROCESSING");
    }

    /** Records chunk {@code index} of {@code bytes}; false if it had been received already. */
    synchronized boolean chunk(int index, long bytes) {
        if (received.get(index)) {
            return false;
        }
        received.set(index);
        transferredBytes += bytes;
        return true;
    }

    synchronized boolean allChunks() {
        return received.cardinality() == totalChunks;
    }

    synchronized List<Integer> missingChunks() {
        return java.util.stream.IntStream.range(0, totalChunks).filter(i -> !received.get(i)).boxed().toList();
    }

    synchronized void downloaded(long bytes) {
        transferredBytes += bytes;
    }

    synchronized void duration(long seconds) {
        if (durationSec == null) {
            durationSec = seconds;
        }
    }

    synchronized Long durationSec() {
        return durationSec;
    }

    /** Moves a job that is still processing to FAILED; false when it had already finished. */
    synchronized boolean fail(String reason) {
        if (finished()) {
            return false;
        }
        status = "FAILED";
        failReason = reason;
        return true;
    }

    synchronized boolean complete(String newPostId) {
        if (finished()) {
            return false;
        }
        status = "PUBLISH_COMPLETE";
        postId = newPostId;
        return true;
    }

    synchronized String postId() {
        return postId;
    }

    synchronized String failReason() {
        return failReason;
    }

    /** What {@code status/fetch/} answers. */
    synchronized Map<String, Object> statusData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        if (failReason != null) {
            data.put("fail_reason", failReason);
        }
        data.put("publicaly_available_post_id", postId != null && privacyLevel.equals("PUBLIC_TO_EVERYONE")
                ? List.of(postId) : List.of());
        data.put(source == Source.FILE_UPLOAD ? "uploaded_bytes" : "downloaded_bytes", transferredBytes);
        return data;
    }

    /** The control API's view (test-only): what was posted, never tokens. */
    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(statusData());
        view.put("publish_id", publishId);
        view.put("open_id", openId);
        view.put("source", source.name());
        view.put("title", title);
        view.put("privacy_level", privacyLevel);
        view.put("disable_comment", disableComment);
        view.put("disable_duet", disableDuet);
        view.put("disable_stitch", disableStitch);
        view.put("video_size", videoSize);
        view.put("total_chunk_count", totalChunks);
        view.put("duration_sec", durationSec);
        view.put("post_id", postId);
        view.put("created_at", createdAt.toString());
        return view;
    }
}
