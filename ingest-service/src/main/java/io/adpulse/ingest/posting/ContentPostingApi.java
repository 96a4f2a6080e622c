package io.adpulse.ingest.posting;

import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.token.AccessToken;
import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * TikTok's Content Posting API (Direct Post) as publishing needs it beside the command's {@code video/init/} call
 * (sent through the commands' {@link io.adpulse.ingest.command.TikTokWriter}). Implementations own timeouts, rate
 * limits and circuit breakers, count every attempt and report a call that finally fails as an API error for the
 * calling connection. Chunk uploads are writes: retried only when TikTok refused them for rate.
 */
public interface ContentPostingApi {

    /** {@code POST /v2/post/publish/creator_info/query/}. */
    Mono<CreatorInfo> creatorInfo(CallOrigin caller, AccessToken token);

    /** One {@code PUT} of bytes {@code first..last} of {@code total} to the upload URL; true after the last chunk. */
    Mono<Boolean> uploadChunk(CallOrigin caller, URI uploadUrl, String contentType, byte[] chunk, long first,
            long last, long total);

    /** {@code POST /v2/post/publish/status/fetch/}. */
    Mono<PublishStatus> status(CallOrigin caller, AccessToken token, String publishId);

    /** The creator's avatar image TikTok linked to (type and bytes); empty when it cannot be fetched. */
    Mono<Avatar> avatar(URI avatarUrl);

    /** An avatar image. */
    record Avatar(String contentType, byte[] bytes) {
    }
}
