package io.adpulse.ingest.comments;

import io.adpulse.ingest.posting.PlannedRequest;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.token.AccessToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Comments of a TikTok account's own videos (TikTok's Business API for organic accounts: {@code /business/comment/
 * list/}, {@code reply/create/}, {@code hide/}). Implementations own rate limits, circuit breakers and error
 * reporting; replies and hides are writes, retried only when TikTok refused them for rate.
 */
public interface CommentApi {

    /** The video's comments, newest first, at most {@code maxPages} pages. */
    Flux<TikTokComment> comments(CallOrigin caller, AccessToken token, String openId, String videoId, int maxPages);

    /** Replies to a comment as the account; the reply's comment id. */
    Mono<String> reply(CallOrigin caller, AccessToken token, String openId, String videoId, String commentId,
            String text);

    /** Hides ({@code hide} true) or shows a comment. */
    Mono<Void> hide(CallOrigin caller, AccessToken token, String openId, String videoId, String commentId,
            boolean hide);

    /** The reply request exactly as {@link #reply} would send it (dry run). */
    PlannedRequest planReply(String connectionId, String openId, String videoId, String commentId, String text);

    /** The hide request exactly as {@link #hide} would send it (dry run). */
    PlannedRequest planHide(String connectionId, String openId, String videoId, String commentId, boolean hide);
}
