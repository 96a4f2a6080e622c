package io.adpulse.sandbox.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adpulse.sandbox.display.VideoLibrary;
import io.adpulse.sandbox.loginkit.Creators;
import io.adpulse.sandbox.spark.SparkAuthorizations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only control of Spark Ads (not TikTok's API): what a creator does in the TikTok app.
 * <ul>
 *   <li>{@code POST /sandbox/spark-codes} {@code {"open_id"?, "item_id"?, "days"?}} → 201
 *       {@code {auth_code, open_id, item_id, expires_at}}: a new code for the post (default: the first creator, their
 *       newest post, 30 days; days 7, 30, 60 or 365);</li>
 *   <li>{@code POST /sandbox/spark-codes/expire} {@code {"auth_code"}} → 204: the code's validity ends now (the
 *       creator revoked it, or time ran out), for it and the posts authorized with it; 404 for an unknown code;</li>
 *   <li>{@code GET /sandbox/spark-authorizations?advertiser_id=} → the posts the advertiser authorized.</li>
 * </ul>
 */
@RestController
class SparkControlController {

    record NewCode(@JsonProperty("open_id") String openId, @JsonProperty("item_id") String itemId, Integer days) {
    }

    record Expire(@JsonProperty("auth_code") String authCode) {
    }

    private final SparkAuthorizations spark;
    private final Creators creators;
    private final VideoLibrary videos;

    SparkControlController(SparkAuthorizations spark, Creators creators, VideoLibrary videos) {
        this.spark = spark;
        this.creators = creators;
        this.videos = videos;
    }

    @PostMapping("/sandbox/spark-codes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> code(@RequestBody(required = false) NewCode request) {
        NewCode asked = request == null ? new NewCode(null, null, null) : request;
        String openId = asked.openId() == null || asked.openId().isBlank() ? creators.all().get(0).openId()
                : asked.openId().trim();
        if (creators.byOpenId(openId).isEmpty()) {
            throw Problems.notFound("No sandbox creator '" + openId + "'.");
        }
        String itemId = asked.itemId() == null || asked.itemId().isBlank()
                ? videos.of(openId).get(0).id() : asked.itemId().trim();
        SparkAuthorizations.Code code;
        try {
            code = spark.issue(openId, itemId, asked.days() == null ? 30 : asked.days());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage() + ".");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("auth_code", code.code());
        answer.put("open_id", code.openId());
        answer.put("item_id", code.itemId());
        answer.put("expires_at", code.expiresAt().toString());
        return answer;
    }

    @PostMapping("/sandbox/spark-codes/expire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void expire(@RequestBody Expire request) {
        if (!spark.expire(Problems.required("auth_code", request.authCode()))) {
            throw Problems.notFound("No Spark Ads code like that.");
        }
    }

    @GetMapping("/sandbox/spark-authorizations")
    Map<String, List<Map<String, Object>>> authorizations(@RequestParam(name = "advertiser_id") String advertiserId) {
        return Map.of("authorizations", spark.of(advertiserId).stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item_id", a.itemId());
            row.put("open_id", a.openId());
            row.put("identity_id", a.identityId());
            row.put("authorized_at", a.authorizedAt().toString());
            row.put("expires_at", a.expiresAt().toString());
            row.put("active", spark.active(a));
            return row;
        }).toList());
    }
}
