package io.adpulse.ingest.comments;

import java.time.Instant;

/** A viewer's comment in the triage queue, with who has it and whether it was handled, replied to or hidden. */
public record TriagedComment(String commentId, String connectionId, String openId, String videoId, String username,
        String text, Instant commentedAt, Instant firstSeenAt, boolean hidden, String assignee, boolean handled,
        String handledBy, Instant handledAt, Instant repliedAt, String replyId) {
}
