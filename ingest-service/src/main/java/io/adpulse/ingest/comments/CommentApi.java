package io.adpulse.ingest.comments;

import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.token.AccessToken;
import reactor.core.publisher.Flux;

/**
 * Comments of a TikTok account's own videos (TikTok's Business API for organic accounts: {@code /business/comment/
 * list/}; replies and hides are the commands {@code comment.reply} and {@code comment.hide}). Implementations own
 * rate limits, circuit breakers and error reporting.
 */
public interface CommentApi {

    /** The video's comments, newest first, at most {@code maxPages} pages. */
    Flux<TikTokComment> comments(CallOrigin caller, AccessToken token, String openId, String videoId, int maxPages);
}
