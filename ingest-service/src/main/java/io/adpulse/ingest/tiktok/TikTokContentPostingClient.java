package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.posting.ContentPostingApi;
import io.adpulse.ingest.posting.CreatorInfo;
import io.adpulse.ingest.posting.PublishStatus;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.token.AccessToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link ContentPostingApi} over TikTok's Content Posting API v2, through the same {@link TikTokHttp} as the Display
 * API (per-endpoint limiter, circuit breaker, API-error reporting, call metric). The chunk
 * PUTs are writes: retried only when refused for rate. {@code video/init/} itself is a command's call.
 */
@Component
class TikTokContentPostingClient implements ContentPostingApi {

    static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";
    static final String STATUS = "/v2/post/publish/status/fetch/";
    /** The metric and circuit-breaker name of chunk uploads (the upload URL itself differs per publish). */
    static final String UPLOAD = "/upload/video/";

    private static final int MAX_AVATAR_BYTES = 1024 * 1024;

    private final TikTokHttp http;

    TikTokContentPostingClient(TikTokHttp http) {
        this.http = http;
    }

    @Override
    public Mono<CreatorInfo> creatorInfo(CallOrigin caller, AccessToken token) {
        return http.post(CREATOR_INFO, Map.of(), Map.of(), token, List.of(caller)).map(data -> {
            List<String> options = new ArrayList<>();
            data.path("privacy_level_options").forEach(o -> options.add(o.asString()));
            return new CreatorInfo(TikTokHttp.text(data.get("creator_avatar_url")),
                    TikTokHttp.text(data.get("creator_username")), TikTokHttp.text(data.get("creator_nickname")),
                    List.copyOf(options), data.path("comment_disabled").asBoolean(false),
                    data.path("duet_disabled").asBoolean(false), data.path("stitch_disabled").asBoolean(false),
                    data.path("max_video_post_duration_sec").asInt(0));
        });
    }

    @Override
    public Mono<Boolean> uploadChunk(CallOrigin caller, URI uploadUrl, String contentType, byte[] chunk, long first,
            long last, long total) {
        return http.putChunk(UPLOAD, uploadUrl, contentType, chunk, first, last, total, List.of(caller))
                .map(status -> status == 201 || status == 200 && last == total - 1);
    }

    @Override
    public Mono<PublishStatus> status(CallOrigin caller, AccessToken token, String publishId) {
        return http.post(STATUS, Map.of(), Map.of("publish_id", publishId), token, List.of(caller)).map(data -> {
            List<String> posts = new ArrayList<>();
            data.path("publicaly_available_post_id").forEach(id -> posts.add(id.asString()));
            JsonNode bytes = data.has("uploaded_bytes") ? data.get("uploaded_bytes") : data.get("downloaded_bytes");
            return new PublishStatus(TikTokHttp.text(data.get("status")), TikTokHttp.text(data.get("fail_reason")),
                    List.copyOf(posts), bytes != null && bytes.isIntegralNumber() ? bytes.asLong() : null);
        });
    }

    @Override
    public Mono<Avatar> avatar(URI avatarUrl) {
        return http.image(avatarUrl, MAX_AVATAR_BYTES).map(image -> new Avatar(image.contentType(), image.bytes()));
    }
}
