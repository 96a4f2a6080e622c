package io.adpulse.sandbox.comments;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations.CreatorGrant;
import io.adpulse.sandbox.oauth.AccessTokens;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Comments of a TikTok account's own videos, in the shape of TikTok's Business API for organic accounts
 * (<b>UNSURE</b>: the paths are TikTok's, the parameters and fields are the sandbox's choice; our facts file has no
 * reference for them). The TikTok account's token goes in {@code Access-Token} (here the creator's Login Kit token)
 * and {@code business_id} is its open id; answers use the Marketing API envelope.
 * <ul>
 *   <li>{@code GET /business/comment/list/?business_id=&video_id=&cursor=0&max_count=20} (scope
 *       {@code comment.list}) → {@code data{comments[{comment_id, video_id, parent_comment_id, user_id, username,
 *       display_name, text, create_time, likes, owner, status PUBLIC|HIDDEN}], cursor, has_more}}, newest first,
 *       replies included;</li>
 *   <li>{@code POST /business/comment/reply/create/} {@code {business_id, video_id, comment_id, text}} (scope
 *       {@code comment.list.manage}) → {@code data{comment_id, ...}} of the reply;</li>
 *   <li>{@code POST /business/comment/hide/} {@code {business_id, video_id, comment_id, action: HIDE|UNHIDE}}
 *       (scope {@code comment.list.manage}) → {@code data{comment_id, status}}.</li>
 * </ul>
 * Errors: missing token 40104, unknown 40105, missing scope or another account's business_id 40001, bad or unknown
 * parameters 40002.
 */
@RestController
class CommentApiController implements TikTokApi {

    static final String LIST_SCOPE = "comment.list";
    static final String MANAGE_SCOPE = "comment.list.manage";
    static final int MAX_COUNT = 30;
    static final int MAX_TEXT = 150;

    private final CreatorAuthorizations authorizations;
    private final CommentStore store;
    private final JsonParams json;

    CommentApiController(CreatorAuthorizations authorizations, CommentStore store, JsonParams json) {
        this.authorizations = authorizations;
        this.store = store;
        this.json = json;
    }

    @GetMapping(BASE + "/business/comment/list/")
    Mono<Envelope> list(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                        @RequestParam(name = "business_id", required = false) String businessId,
                        @RequestParam(name = "video_id", required = false) String videoId,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(name = "max_count", required = false) String maxCount,
                        ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            String openId = account(token, businessId, LIST_SCOPE);
            String video = video(openId, videoId);
            int from = number("cursor", cursor, 0, 0, Integer.MAX_VALUE);
            int count = number("max_count", maxCount, 20, 1, MAX_COUNT);
            List<Comment> all = store.of(openId, video);
            List<Map<String, Object>> page = all.stream().skip(from).limit(count).map(CommentApiController::view)
                    .toList();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("comments", page);
            data.put("cursor", from + page.size());
            data.put("has_more", from + page.size() < all.size());
            return Envelope.ok(RequestIds.of(exchange), data);
        });
    }

    @PostMapping(BASE + "/business/comment/reply/create/")
    Mono<Envelope> reply(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                         @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            JsonNode request = json.body(body);
            String openId = account(token, JsonParams.text(request, "business_id").orElse(null), MANAGE_SCOPE);
            Comment parent = comment(openId, request);
            String text = JsonParams.text(request, "text")
                    .orElseThrow(() -> ApiException.param("text", "Missing data for required field."));
            if (text.length() > MAX_TEXT) {
                throw ApiException.param("text", "Longer than maximum length " + MAX_TEXT + ".");
            }
            return Envelope.ok(RequestIds.of(exchange), view(store.reply(parent, text)));
        });
    }

    @PostMapping(BASE + "/business/comment/hide/")
    Mono<Envelope> hide(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                        @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            JsonNode request = json.body(body);
            String openId = account(token, JsonParams.text(request, "business_id").orElse(null), MANAGE_SCOPE);
            Comment comment = comment(openId, request);
            String action = JsonParams.text(request, "action")
                    .orElseThrow(() -> ApiException.param("action", "Missing data for required field."));
            if (!action.equals("HIDE") && !action.equals("UNHIDE")) {
                throw ApiException.param("action", "Must be one of: HIDE, UNHIDE.");
            }
            Comment changed = store.hide(comment, action.equals("HIDE"));
            return Envelope.ok(RequestIds.of(exchange), Map.of("comment_id", changed.commentId(),
                    "status", changed.hidden() ? "HIDDEN" : "PUBLIC"));
        });
    }

    private String account(String token, String businessId, String scope) {
        if (token == null || token.isBlank()) {
            throw new ApiException(ApiError.EMPTY_ACCESS_TOKEN);
        }
        CreatorGrant grant = authorizations.grantOf(token.trim())
                .orElseThrow(() -> new ApiException(ApiError.INVALID_ACCESS_TOKEN));
        if (!Arrays.asList(grant.scope().split(",")).contains(scope)) {
            throw new ApiException(ApiError.PERMISSION_ERROR, "The TikTok account did not grant the scope " + scope
                    + ".");
        }
        String id = JsonParams.required("business_id", businessId);
        if (!id.equals(grant.openId())) {
            throw new ApiException(ApiError.PERMISSION_ERROR, "No permission to operate the TikTok account " + id
                    + ".");
        }
        return id;
    }

    private String video(String openId, String videoId) {
        String id = JsonParams.required("video_id", videoId);
        if (!store.isVideoOf(openId, id)) {
            throw ApiException.param("video_id", "No video " + id + " of this account.");
        }
        return id;
    }

    private Comment comment(String openId, JsonNode request) {
        String video = video(openId, JsonParams.text(request, "video_id").orElse(null));
        String commentId = JsonParams.required("comment_id", JsonParams.text(request, "comment_id").orElse(null));
        return store.find(openId, video, commentId)
                .orElseThrow(() -> ApiException.param("comment_id", "No comment " + commentId + " on this video."));
    }

    private static int number(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ApiException.param(name, "Must be from " + min + " to " + max + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.param(name, "Not a valid integer.");
        }
    }

    static Map<String, Object> view(Comment c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("comment_id", c.commentId());
        view.put("video_id", c.videoId());
        view.put("parent_comment_id", c.parentCommentId());
        view.put("user_id", c.userId());
        view.put("username", c.username());
        view.put("display_name", c.displayName());
        view.put("text", c.text());
        view.put("create_time", c.createTime().getEpochSecond());
        view.put("likes", c.likes());
        view.put("owner", c.owner());
        view.put("status", c.hidden() ? "HIDDEN" : "PUBLIC");
        return view;
    }
}
