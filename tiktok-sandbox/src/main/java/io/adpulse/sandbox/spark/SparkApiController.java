package io.adpulse.sandbox.spark;

import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.api.Paging;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.display.Video;
import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.oauth.AccessTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
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
 * Spark Ads posts: {@code POST tt_video/authorize/} {@code {advertiser_id, auth_code}} registers a creator's code for
 * the advertiser, {@code GET tt_video/info/?advertiser_id=&auth_code=} describes the post behind a valid code and
 * {@code GET tt_video/list/?advertiser_id=&page=&page_size=} lists the posts the advertiser authorized. The paths and
 * request parameters are TikTok's (tiktok-api.md §7.4); the shape of the answers ({@code item_info},
 * {@code user_info}, {@code video_info}, {@code auth_info}) and the error codes are the sandbox's choice, UNSURE: our
 * sources do not give them. Errors: 40002 naming {@code auth_code} for an unknown, deleted or expired code and for a
 * post the advertiser already authorized; the token's errors as everywhere.
 */
@RestController
class SparkApiController implements TikTokApi {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final AccessTokens tokens;
    private final JsonParams json;
    private final SparkAuthorizations spark;

    SparkApiController(AccessTokens tokens, JsonParams json, SparkAuthorizations spark) {
        this.tokens = tokens;
        this.json = json;
        this.spark = spark;
    }

    @PostMapping(BASE + "/tt_video/authorize/")
    Mono<Envelope> authorize(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                             @RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            var grant = tokens.require(token);
            JsonNode request = json.body(body);
            String advertiserId = JsonParams.required("advertiser_id", JsonParams.text(request, "advertiser_id")
                    .orElse(null));
            grant.requireAdvertiser(advertiserId);
            String code = JsonParams.required("auth_code", JsonParams.text(request, "auth_code").orElse(null));
            SparkAuthorizations.Authorized authorized = spark.authorize(advertiserId, code);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("identity_id", authorized.identityId());
            data.put("identity_type", SparkAuthorizations.AUTH_CODE);
            data.put("item_id", authorized.itemId());
            return Envelope.ok(RequestIds.of(exchange), data);
        });
    }

    @GetMapping(BASE + "/tt_video/info/")
    Mono<Envelope> info(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                        @RequestParam Map<String, String> query, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            var grant = tokens.require(token);
            String advertiserId = JsonParams.required("advertiser_id", query.get("advertiser_id"));
            grant.requireAdvertiser(advertiserId);
            SparkAuthorizations.Code code = spark.valid(JsonParams.required("auth_code", query.get("auth_code")));
            var authorized = spark.of(advertiserId, code.itemId()).filter(spark::active);
            return Envelope.ok(RequestIds.of(exchange), post(code.openId(), code.itemId(),
                    authorized.isPresent() ? "AUTHORIZED" : "NOT_AUTHORIZED",
                    authorized.map(SparkAuthorizations.Authorized::authorizedAt).orElse(code.issuedAt()),
                    code.expiresAt()));
        });
    }

    @GetMapping(BASE + "/tt_video/list/")
    Mono<Envelope> list(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                        @RequestParam Map<String, String> query, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            var grant = tokens.require(token);
            String advertiserId = JsonParams.required("advertiser_id", query.get("advertiser_id"));
            grant.requireAdvertiser(advertiserId);
            Paging paging = Paging.parse(query.get("page"), query.get("page_size"));
            List<Map<String, Object>> rows = spark.of(advertiserId).stream()
                    .sorted(Comparator.comparing(SparkAuthorizations.Authorized::authorizedAt).reversed())
                    .map(a -> post(a.openId(), a.itemId(), spark.active(a) ? "AUTHORIZED" : "EXPIRED",
                            a.authorizedAt(), a.expiresAt()))
                    .toList();
            return Envelope.ok(RequestIds.of(exchange), paging.of(rows));
        });
    }

    /** One post as the tt_video endpoints describe it. */
    private Map<String, Object> post(String openId, String itemId, String status, Instant start, Instant end) {
        Creator creator = spark.creator(openId);
        Video video = spark.video(openId, itemId);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", video.id());
        item.put("text", video.description());
        item.put("create_time", TIME.format(video.createTime()));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("identity_id", SparkAuthorizations.identityId(openId));
        user.put("identity_type", SparkAuthorizations.AUTH_CODE);
        user.put("display_name", creator.displayName());
        user.put("username", creator.username());
        Map<String, Object> videoInfo = new LinkedHashMap<>();
        videoInfo.put("duration", video.durationSeconds());
        videoInfo.put("poster_url", video.coverImageUrl());
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("ad_auth_status", status);
        auth.put("auth_start_time", TIME.format(start));
        auth.put("auth_end_time", TIME.format(end));
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("item_info", item);
        post.put("user_info", user);
        post.put("video_info", videoInfo);
        post.put("auth_info", auth);
        return post;
    }
}
