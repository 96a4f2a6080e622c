package io.adpulse.sandbox.posting;

import io.adpulse.sandbox.api.V2Answers;
import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations.CreatorGrant;
import io.adpulse.sandbox.loginkit.Creators;
import io.adpulse.sandbox.traffic.WindowRateLimiter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TikTok's Content Posting API (Direct Post), scope {@code video.publish}, {@code Authorization: Bearer}:
 * <ul>
 *   <li>{@code POST /v2/post/publish/creator_info/query/} (20 a minute per token) → the creator's nickname,
 *       username, avatar, privacy level options, interaction settings and longest allowed video;</li>
 *   <li>{@code POST /v2/post/publish/video/init/} (6 a minute per token) with {@code post_info} and
 *       {@code source_info} (FILE_UPLOAD with video_size / chunk_size / total_chunk_count, or PULL_FROM_URL with
 *       video_url) → {@code publish_id} (and {@code upload_url} for FILE_UPLOAD);</li>
 *   <li>{@code PUT /upload/video/?upload_id=&upload_token=} with {@code Content-Range: bytes first-last/total}
 *       and the chunk → 206 while chunks remain, 201 when the upload is complete;</li>
 *   <li>{@code POST /v2/post/publish/status/fetch/} (30 a minute per token) with {@code publish_id} →
 *       {@code status}, {@code fail_reason}, {@code publicaly_available_post_id} (TikTok's spelling),
 *       {@code uploaded_bytes} / {@code downloaded_bytes}.</li>
 * </ul>
 * Errors are TikTok v2's: {@code access_token_invalid} 401, {@code scope_not_authorized} 401,
 * {@code invalid_params} 400, {@code invalid_file_upload} 400, {@code rate_limit_exceeded} 429.
 */
@RestController
class ContentPostingController {

    static final String SCOPE = "video.publish";
    static final int MAX_TITLE = 2200;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,19})-(\\d{1,19})/(\\d{1,19})");
    private static final Logger log = LoggerFactory.getLogger(ContentPostingController.class);

    private final CreatorAuthorizations authorizations;
    private final Creators creators;
    private final ContentPosting posting;
    private final JsonMapper mapper;
    private final Map<String, WindowRateLimiter> limits = Map.of(
            "creator_info", perMinute(20), "init", perMinute(6), "status", perMinute(30));

    ContentPostingController(CreatorAuthorizations authorizations, Creators creators, ContentPosting posting,
                             JsonMapper mapper) {
        this.authorizations = authorizations;
        this.creators = creators;
        this.posting = posting;
        this.mapper = mapper;
    }

    private static WindowRateLimiter perMinute(int limit) {
        return new WindowRateLimiter(limit, TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    }

    @PostMapping("/v2/post/publish/creator_info/query/")
    Mono<ResponseEntity<Object>> creatorInfo(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                             String authorization, ServerHttpRequest request) {
        return Mono.fromSupplier(() -> {
            Creator creator = creator(authorization, "creator_info");
            CreatorSettings settings = settings(creator);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("creator_avatar_url", base(request) + "/sandbox/avatars/" + creator.openId() + ".svg");
            data.put("creator_username", creator.username());
            data.put("creator_nickname", creator.displayName());
            data.put("privacy_level_options", settings.privacyLevelOptions());
            data.put("comment_disabled", settings.commentDisabled());
            data.put("duet_disabled", settings.duetDisabled());
            data.put("stitch_disabled", settings.stitchDisabled());
            data.put("max_video_post_duration_sec", settings.maxVideoPostDurationSec());
            return V2Answers.ok(data);
        });
    }

    @PostMapping("/v2/post/publish/video/init/")
    Mono<ResponseEntity<Object>> init(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                      String authorization, @RequestBody(required = false) String body,
                                      ServerHttpRequest request) {
        return Mono.fromSupplier(() -> {
            Creator creator = creator(authorization, "init");
            CreatorSettings settings = settings(creator);
            JsonNode root = body(body);
            ContentPosting.PostInfo post = postInfo(root.path("post_info"), settings);
            JsonNode source = root.path("source_info");
            String kind = source.path("source").asString("");
            Map<String, Object> data = new LinkedHashMap<>();
            switch (kind) {
                case "FILE_UPLOAD" -> {
                    PublishJob job = posting.initUpload(creator, settings, post,
                            whole(source, "video_size"), whole(source, "chunk_size"),
                            whole(source, "total_chunk_count"));
                    data.put("publish_id", job.publishId());
                    data.put("upload_url", base(request) + "/upload/video/?upload_id=" + job.publishId()
                            + "&upload_token=" + job.uploadToken());
                }
                case "PULL_FROM_URL" -> {
                    JsonNode url = source.get("video_url");
                    if (url == null || !url.isString() || url.asString().isBlank()) {
                        throw PostingException.invalidParams("source_info.video_url is required for PULL_FROM_URL.");
                    }
                    data.put("publish_id", posting.initPull(creator, settings, post, url.asString()).publishId());
                }
                default -> throw PostingException.invalidParams(
                        "source_info.source must be FILE_UPLOAD or PULL_FROM_URL.");
            }
            return V2Answers.ok(data);
        });
    }

    @PutMapping("/upload/video/")
    Mono<ResponseEntity<Object>> upload(@RequestParam(name = "upload_id", required = false) String uploadId,
                                        @RequestParam(name = "upload_token", required = false) String uploadToken,
                                        @RequestHeader(name = "Content-Range", required = false) String range,
                                        @RequestBody(required = false) byte[] body) {
        return Mono.fromSupplier(() -> {
            PublishJob job = posting.job(uploadId).filter(j -> j.uploadToken().equals(uploadToken))
                    .orElseThrow(() -> new PostingException(HttpStatus.NOT_FOUND, "invalid_file_upload",
                            "No upload with this upload_id and upload_token."));
            Matcher m = range == null ? null : CONTENT_RANGE.matcher(range.trim());
            if (m == null || !m.matches()) {
                throw PostingException.invalidUpload("Content-Range must be 'bytes <first>-<last>/<total>'.");
            }
            byte[] bytes = body == null ? new byte[0] : body;
            boolean complete = posting.chunk(job, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), bytes);
            return ResponseEntity.status(complete ? HttpStatus.CREATED : HttpStatus.PARTIAL_CONTENT).build();
        });
    }

    @PostMapping("/v2/post/publish/status/fetch/")
    Mono<ResponseEntity<Object>> status(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                        String authorization, @RequestBody(required = false) String body) {
        return Mono.fromSupplier(() -> {
            Creator creator = creator(authorization, "status");
            JsonNode id = body(body).get("publish_id");
            if (id == null || !id.isString()) {
                throw PostingException.invalidParams("publish_id is required.");
            }
            PublishJob job = posting.job(id.asString()).filter(j -> j.openId().equals(creator.openId()))
                    .orElseThrow(() -> PostingException.invalidParams("No publish with this publish_id for the "
                            + "creator of this token."));
            return V2Answers.ok(job.statusData());
        });
    }

    @ExceptionHandler(PostingException.class)
    ResponseEntity<Object> failed(PostingException e) {
        return V2Answers.error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure answering the Content Posting API", e);
        return V2Answers.error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong.");
    }

    private Creator creator(String authorization, String endpoint) {
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).trim() : null;
        CreatorGrant grant = authorizations.grantOf(token).orElseThrow(() -> new PostingException(
                HttpStatus.UNAUTHORIZED, "access_token_invalid",
                "The access token is invalid or not found in the request."));
        if (!Arrays.asList(grant.scope().split(",")).contains(SCOPE)) {
            throw new PostingException(HttpStatus.UNAUTHORIZED, "scope_not_authorized",
                    "The user did not authorize the scope required for completing this request.");
        }
        if (!limits.get(endpoint).tryAcquire(grant.grantId())) {
            throw new PostingException(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded",
                    "Your request is blocked due to exceeding the API rate limit.");
        }
        return creators.byOpenId(grant.openId()).orElseThrow();
    }

    private CreatorSettings settings(Creator creator) {
        return CreatorSettings.of(creators.all().indexOf(creator));
    }

    private static ContentPosting.PostInfo postInfo(JsonNode post, CreatorSettings settings) {
        if (!post.isObject()) {
            throw PostingException.invalidParams("post_info is required.");
        }
        String title = post.path("title").asString("");
        if (title.length() > MAX_TITLE) {
            throw PostingException.invalidParams("post_info.title must be at most " + MAX_TITLE + " characters.");
        }
        JsonNode privacy = post.get("privacy_level");
        if (privacy == null || !privacy.isString()) {
            throw PostingException.invalidParams("post_info.privacy_level is required; the user must choose one of "
                    + "the creator's privacy_level_options.");
        }
        if (!settings.privacyLevelOptions().contains(privacy.asString())) {
            throw PostingException.invalidParams("post_info.privacy_level " + privacy.asString()
                    + " is not one of the creator's options " + settings.privacyLevelOptions() + ".");
        }
        boolean disableComment = flag(post, "disable_comment");
        boolean disableDuet = flag(post, "disable_duet");
        boolean disableStitch = flag(post, "disable_stitch");
        if (settings.commentDisabled() && !disableComment || settings.duetDisabled() && !disableDuet
                || settings.stitchDisabled() && !disableStitch) {
            throw PostingException.invalidParams("post_info turns on an interaction the creator has turned off.");
        }
        return new ContentPosting.PostInfo(title, privacy.asString(), disableComment, disableDuet, disableStitch);
    }

    private static boolean flag(JsonNode post, String name) {
        JsonNode value = post.get(name);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw PostingException.invalidParams("post_info." + name + " must be a boolean.");
        }
        return value != null && value.asBoolean(false);
    }

    private static long whole(JsonNode source, String name) {
        JsonNode value = source.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw PostingException.invalidParams("source_info." + name + " must be a positive whole number.");
        }
        return value.asLong();
    }

    private JsonNode body(String body) {
        if (body == null || body.isBlank()) {
            throw PostingException.invalidParams("The request body must be a JSON object.");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (!node.isObject()) {
                throw PostingException.invalidParams("The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException malformed) {
            throw PostingException.invalidParams("The request body is not valid JSON.");
        }
    }

    /** The sandbox's own base URL as the caller reached it (for the upload URL and avatars). */
    private static String base(ServerHttpRequest request) {
        var uri = request.getURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
