package io.adpulse.ingest.organic;

import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.token.AccessToken;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * TikTok's Display API v2 as the organic poll needs it. Implementations own timeouts, retries, rate limits and
 * circuit breakers, count every HTTP attempt on the caller's tally and report a call that finally fails as an API
 * error for the calling connection; a failure that means the token is dead implements
 * {@link io.adpulse.ingest.sync.TokenRejected}.
 */
public interface DisplayApi {

    /** The counts asked for on every video, by TikTok's names. */
    List<String> COUNTS = List.of("view_count", "like_count", "comment_count", "share_count");

    /** Every video of the creator whose {@code token} it is, newest first, across all cursor pages. */
    Flux<OrganicVideo> videos(CallOrigin caller, AccessToken token);

    /** The creator's {@code count} (at most 20) newest videos: one page. */
    Flux<OrganicVideo> recentVideos(CallOrigin caller, AccessToken token, int count);
}
