package io.adpulse.ingest.posting;

import java.time.Instant;

/**
 * A post to a creator account and where it stands: {@code state} SCHEDULED (waiting for {@code scheduledAt}),
 * SENDING (being sent to TikTok), PROCESSING (TikTok has it; {@code tiktokStatus} is its last status),
 * PUBLISH_COMPLETE or FAILED ({@code failReason} says why, in TikTok's words where TikTok said it).
 */
public record PublishRecord(String id, String connectionId, String openId, String source, String mediaId,
        String videoUrl, String title, String privacyLevel, boolean disableComment, boolean disableDuet,
        boolean disableStitch, Instant scheduledAt, String state, String publishId, String tiktokStatus,
        String failReason, String postId, int checks, Instant nextCheckAt, String requestedBy, Instant createdAt,
        Instant updatedAt, Instant finishedAt) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String SENDING = "SENDING";
    public static final String PROCESSING = "PROCESSING";
    public static final String PUBLISH_COMPLETE = "PUBLISH_COMPLETE";
    public static final String FAILED = "FAILED";

    /** Whether the post has its final outcome. */
    public boolean finished() {
        return PUBLISH_COMPLETE.equals(state) || FAILED.equals(state);
    }
}
