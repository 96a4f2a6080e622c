package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.comments.CommentApi;
import io.adpulse.ingest.comments.TikTokComment;
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
 * {@link CommentApi} (listing; replies and hides are commands) over the API for Business's organic account endpoints, through {@link TikTokHttp} (the app's
 * rate limits, circuit breaker per endpoint, API-error reporting). The shape (parameters, fields) is the sandbox's
 * choice, marked UNSURE in its README: our facts file has no reference for these endpoints.
 */
@Component
class TikTokCommentClient implements CommentApi {

    static final String LIST = "/business/comment/list/";
    static final int PAGE = 30;

    private final TikTokHttp http;

    TikTokCommentClient(TikTokHttp http) {
        this.http = http;
    }

    @Override
    public Flux<TikTokComment> comments(CallOrigin caller, AccessToken token, String openId, String videoId,
            int maxPages) {
        return page(caller, token, openId, videoId, 0)
                .expand(page -> page.next() == null || page.number() + 1 >= maxPages ? Mono.empty()
                        : page(caller, token, openId, videoId, page.next()).map(p -> p.numbered(page.number() + 1)))
                .concatMapIterable(Page::comments);
    }

    private Mono<Page> page(CallOrigin caller, AccessToken token, String openId, String videoId, long cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("business_id", openId);
        query.put("video_id", videoId);
        query.put("cursor", Long.toString(cursor));
        query.put("max_count", Integer.toString(PAGE));
        return http.get(LIST, query, token, List.of(caller)).map(data -> {
            List<TikTokComment> comments = new ArrayList<>();
            for (JsonNode c : data.path("comments")) {
                String id = TikTokHttp.text(c.get("comment_id"));
                if (id == null) {
                    continue;
                }
                JsonNode created = c.get("create_time");
                comments.add(new TikTokComment(id, TikTokHttp.text(c.get("video_id")),
                        TikTokHttp.text(c.get("parent_comment_id")), TikTokHttp.text(c.get("username")),
                        c.path("text").asString(""),
                        created != null && created.isIntegralNumber() ? Instant.ofEpochSecond(created.asLong()) : null,
                        c.path("owner").asBoolean(false), "HIDDEN".equals(TikTokHttp.text(c.get("status")))));
            }
            JsonNode next = data.get("cursor");
            boolean more = data.path("has_more").asBoolean(false) && next != null && next.isIntegralNumber()
                    && next.asLong() > cursor;
            return new Page(comments, more ? next.asLong() : null, 0);
        });
    }

    private record Page(List<TikTokComment> comments, Long next, int number) {
        Page numbered(int n) {
            return new Page(comments, next, n);
        }
    }
}
