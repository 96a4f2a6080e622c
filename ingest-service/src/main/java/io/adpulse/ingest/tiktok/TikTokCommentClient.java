package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.comments.CommentApi;
import io.adpulse.ingest.comments.TikTokComment;
import io.adpulse.ingest.posting.PlannedRequest;
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
 * {@link CommentApi} over the API for Business's organic account endpoints, through {@link TikTokHttp} (the app's
 * rate limits, circuit breaker per endpoint, API-error reporting). The shape (parameters, fields) is the sandbox's
 * choice, marked UNSURE in its README: our facts file has no reference for these endpoints.
 */
@Component
class TikTokCommentClient implements CommentApi {

    static final String LIST = "/business/comment/list/";
    static final String REPLY = "/business/comment/reply/create/";
    static final String HIDE = "/business/comment/hide/";
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

    @Override
    public Mono<String> reply(CallOrigin caller, AccessToken token, String openId, String videoId, String commentId,
            String text) {
        return http.postBusiness(REPLY, replyBody(openId, videoId, commentId, text), token, List.of(caller))
                .map(data -> {
                    String id = TikTokHttp.text(data.get("comment_id"));
                    if (id == null) {
                        throw new IllegalStateException("POST " + REPLY + " answered without the reply's comment_id");
                    }
                    return id;
                });
    }

    @Override
    public Mono<Void> hide(CallOrigin caller, AccessToken token, String openId, String videoId, String commentId,
            boolean hide) {
        return http.postBusiness(HIDE, hideBody(openId, videoId, commentId, hide), token, List.of(caller)).then();
    }

    @Override
    public PlannedRequest planReply(String connectionId, String openId, String videoId, String commentId,
            String text) {
        return plan(connectionId, REPLY, replyBody(openId, videoId, commentId, text));
    }

    @Override
    public PlannedRequest planHide(String connectionId, String openId, String videoId, String commentId,
            boolean hide) {
        return plan(connectionId, HIDE, hideBody(openId, videoId, commentId, hide));
    }

    private PlannedRequest plan(String connectionId, String endpoint, Map<String, Object> body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Token", "<access token of connection " + connectionId + ">");
        headers.put("Content-Type", "application/json");
        return new PlannedRequest("POST", http.businessUri(endpoint, Map.of()).toString(), headers,
                http.jsonText(body));
    }

    private static Map<String, Object> replyBody(String openId, String videoId, String commentId, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("business_id", openId);
        body.put("video_id", videoId);
        body.put("comment_id", commentId);
        body.put("text", text);
        return body;
    }

    private static Map<String, Object> hideBody(String openId, String videoId, String commentId, boolean hide) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("business_id", openId);
        body.put("video_id", videoId);
        body.put("comment_id", commentId);
        body.put("action", hide ? "HIDE" : "UNHIDE");
        return body;
    }

    private record Page(List<TikTokComment> comments, Long next, int number) {
        Page numbered(int n) {
            return new Page(comments, next, n);
        }
    }
}
