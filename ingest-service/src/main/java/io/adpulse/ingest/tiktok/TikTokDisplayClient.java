package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.organic.DisplayApi;
import io.adpulse.ingest.organic.OrganicVideo;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.token.AccessToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link DisplayApi} over TikTok's Display API v2: {@code POST /v2/video/list/} with the largest page TikTok allows
 * ({@code max_count} 20), following {@code cursor} (the create time in ms of the last video of the page) while
 * {@code has_more}. Video ids are read as strings whether TikTok sends them as strings or numbers (they exceed
 * 2^53); a count that is absent, null or not a whole number is missing, never zero.
 */
@Component
class TikTokDisplayClient implements DisplayApi {

    static final String VIDEO_LIST = "/v2/video/list/";
    static final int MAX_COUNT = 20;
    static final String FIELDS = String.join(",", List.of("id", "title", "cover_image_url", "share_url",
            "video_description", "duration", "create_time", "like_count", "comment_count", "share_count", "view_count"));

    private final TikTokHttp http;

    TikTokDisplayClient(TikTokHttp http) {
        this.http = http;
    }

    @Override
    public Flux<OrganicVideo> videos(CallOrigin caller, AccessToken token) {
        return page(caller, token, null)
                .expand(page -> page.next() == null ? Mono.empty() : page(caller, token, page.next()))
                .concatMapIterable(Page::videos);
    }

    @Override
    public Flux<OrganicVideo> recentVideos(CallOrigin caller, AccessToken token, int count) {
        return page(caller, token, null, Math.max(1, Math.min(count, MAX_COUNT))).flatMapIterable(Page::videos)
                .take(count);
    }

    private Mono<Page> page(CallOrigin caller, AccessToken token, Long cursor) {
        return page(caller, token, cursor, MAX_COUNT);
    }

    private Mono<Page> page(CallOrigin caller, AccessToken token, Long cursor, int maxCount) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        body.put("max_count", maxCount);
        return http.post(VIDEO_LIST, Map.of("fields", FIELDS), body, token, List.of(caller))
                .map(data -> {
                    List<OrganicVideo> videos = new ArrayList<>();
                    for (JsonNode node : data.path("videos")) {
                        OrganicVideo video = video(node);
                        if (video.videoId() != null) {
                            videos.add(video);
                        }
                    }
                    JsonNode next = data.get("cursor");
                    boolean hasMore = data.path("has_more").asBoolean(false);
                    if (!hasMore) {
                        return new Page(videos, null);
                    }
                    if (next == null || !next.isIntegralNumber() || (cursor != null && next.asLong() >= cursor)) {
                        throw new IllegalStateException("POST " + VIDEO_LIST + " answered has_more without a cursor"
                                + " older than the last one; stopping instead of reading the same page again");
                    }
                    return new Page(videos, next.asLong());
                });
    }

    static OrganicVideo video(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String count : COUNTS) {
            JsonNode value = node.get(count);
            if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
                counts.put(count, value.asLong());
            } else {
                missing.add(count);
            }
        }
        JsonNode created = node.get("create_time");
        JsonNode duration = node.get("duration");
        return new OrganicVideo(TikTokHttp.text(node.get("id")),
                created != null && created.isIntegralNumber() ? Instant.ofEpochSecond(created.asLong()) : null,
                TikTokHttp.text(node.get("title")), TikTokHttp.text(node.get("video_description")),
                TikTokHttp.text(node.get("share_url")),
                duration != null && duration.isIntegralNumber() && duration.canConvertToInt() ? duration.asInt() : null,
                counts, missing);
    }

    /** One page: its videos and the cursor of the next, null on the last. */
    private record Page(List<OrganicVideo> videos, Long next) {
    }
}
