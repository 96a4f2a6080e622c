package io.adpulse.ingest.comments;

import java.time.Instant;

/** A comment as TikTok lists it; {@code owner} marks the creator's own replies. */
public record TikTokComment(String commentId, String videoId, String parentCommentId, String username, String text,
        Instant createTime, boolean owner, boolean hidden) {
}
