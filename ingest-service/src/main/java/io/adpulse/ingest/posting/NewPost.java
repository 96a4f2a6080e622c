package io.adpulse.ingest.posting;

import java.time.Instant;

/**
 * A post asked for: to the creator connection {@code connectionId}, from an uploaded video ({@code mediaId}) or a
 * URL ({@code videoUrl}), with the options the user chose (privacy level without a default), at {@code scheduledAt}
 * (null: now). {@code id} is the post's id (the command's id), which makes a repeated request the same post.
 */
public record NewPost(String id, String connectionId, String mediaId, String videoUrl, String title,
        String privacyLevel, boolean disableComment, boolean disableDuet, boolean disableStitch, Instant scheduledAt,
        String requestedBy) {
}
