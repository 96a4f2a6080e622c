package io.adpulse.sandbox.comments;

import java.time.Instant;

/**
 * A comment on a creator's video: a viewer's, or the creator's own reply ({@code parentCommentId} set,
 * {@code owner} true). {@code hidden} comments are visible to the commenter only.
 */
public record Comment(String commentId, String videoId, String openId, String parentCommentId, String userId,
                      String username, String displayName, String text, Instant createTime, int likes,
                      boolean owner, boolean hidden) {

    Comment withHidden(boolean value) {
        return new Comment(commentId, videoId, openId, parentCommentId, userId, username, displayName, text,
                createTime, likes, owner, value);
    }
}
