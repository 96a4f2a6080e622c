package io.adpulse.sandbox.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adpulse.sandbox.api.V2Answers;
import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations.CreatorGrant;
import io.adpulse.sandbox.loginkit.Creators;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TikTok's Display API v2: {@code POST /v2/video/list/?fields=...} with body {@code {"cursor":<ms>,"max_count":<=20}}
 * answers the token's creator's videos newest first ({@code data{videos, cursor, has_more}}, the cursor being the
 * create time in ms of the last video answered, to send back for the next page); {@code POST /v2/video/query/}
 * with {@code {"filters":{"video_ids":[<=20]}}} answers those of the ids that are the creator's. Both need
 * {@code Authorization: Bearer <access token>} of a grant with scope {@code video.list}. Errors are HTTP 4xx/5xx
 * with {@code error.code} {@code access_token_invalid}, {@code scope_not_authorized}, {@code invalid_params} or
 * {@code internal_error}.
 */
@RestController
class DisplayApiController {

    static final String SCOPE = "video.list";
    static final int MAX_COUNT = 20;
    static final Set<String> FIELDS = Set.of("id", "create_time", "cover_image_url", "share_url", "video_description",
            "duration", "height", "width", "title", "embed_html", "embed_link", "like_count", "comment_count",
            "share_count", "view_count");

    private static final Logger log = LoggerFactory.getLogger(DisplayApiController.class);

    private final CreatorAuthorizations authorizations;
    private final Creators creators;
    private final VideoLibrary library;
    private final JsonMapper mapper;

    DisplayApiController(CreatorAuthorizations authorizations, Creators creators, VideoLibrary library,
                         JsonMapper mapper) {
        this.authorizations = authorizations;
        this.creators = creators;
        this.library = library;
        this.mapper = mapper;
    }

    @PostMapping("/v2/video/list/")
    Mono<ResponseEntity<Object>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                      @RequestParam(required = false) String fields,
                                      @RequestBody(required = false) String body) {
        return Mono.fromSupplier(() -> {
            Creator creator = creator(authorization);
            List<String> wanted = fields(fields);
            JsonNode request = body(body);
            long cursor = request.has("cursor") ? integer(request.get("cursor"), "cursor", 0, Long.MAX_VALUE)
                    : library.now().toEpochMilli();
            int maxCount = request.has("max_count")
                    ? (int) integer(request.get("max_count"), "max_count", 1, MAX_COUNT) : 10;
            List<Video> older = library.of(creator.openId()).stream()
                    .filter(v -> v.createTime().toEpochMilli() < cursor).toList();
            List<Video> page = older.subList(0, Math.min(maxCount, older.size()));
            long next = page.isEmpty() ? cursor : page.get(page.size() - 1).createTime().toEpochMilli();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("videos", render(page, wanted, creator));
            data.put("cursor", next);
            data.put("has_more", older.size() > page.size());
            return ok(data);
        });
    }

    @PostMapping("/v2/video/query/")
    Mono<ResponseEntity<Object>> query(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                       @RequestParam(required = false) String fields,
                                       @RequestBody(required = false) String body) {
        return Mono.fromSupplier(() -> {
            Creator creator = creator(authorization);
            List<String> wanted = fields(fields);
            JsonNode ids = body(body).path("filters").path("video_ids");
            if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_COUNT) {
                throw DisplayApiException.invalidParams("filters.video_ids must be a list of 1 to " + MAX_COUNT
                        + " video ids.");
            }
            Set<String> asked = new LinkedHashSet<>();
            for (JsonNode id : ids) {
                if (!id.isString() && !id.isIntegralNumber()) {
                    throw DisplayApiException.invalidParams("filters.video_ids must hold video ids.");
                }
                asked.add(id.asString());
            }
            List<Video> found = library.of(creator.openId()).stream().filter(v -> asked.contains(v.id())).toList();
            return ok(Map.of("videos", render(found, wanted, creator)));
        });
    }

    @ExceptionHandler(DisplayApiException.class)
    ResponseEntity<Object> failed(DisplayApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure answering the Display API", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong. Please try again.");
    }

    private Creator creator(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).trim() : null;
        CreatorGrant grant = authorizations.grantOf(token).orElseThrow(() -> new DisplayApiException(
                HttpStatus.UNAUTHORIZED, "access_token_invalid",
                "The access token is invalid or not found in the request."));
        if (!Arrays.asList(grant.scope().split(",")).contains(SCOPE)) {
            throw new DisplayApiException(HttpStatus.UNAUTHORIZED, "scope_not_authorized",
                    "The user did not authorize the scope required for completing this request.");
        }
        return creators.byOpenId(grant.openId()).orElseThrow();
    }

    private static List<String> fields(String fields) {
        if (fields == null || fields.isBlank()) {
            throw DisplayApiException.invalidParams("fields is required.");
        }
        List<String> wanted = Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty())
                .distinct().toList();
        for (String field : wanted) {
            if (!FIELDS.contains(field)) {
                throw DisplayApiException.invalidParams("Unknown field: " + field + ".");
            }
        }
        return wanted;
    }

    private JsonNode body(String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (!node.isObject()) {
                throw DisplayApiException.invalidParams("The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException malformed) {
            throw DisplayApiException.invalidParams("The request body is not valid JSON.");
        }
    }

    private static long integer(JsonNode node, String name, long min, long max) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()
                || node.asLong() < min || node.asLong() > max) {
            throw DisplayApiException.invalidParams(name + " must be an integer from " + min + " to " + max + ".");
        }
        return node.asLong();
    }

    private List<Map<String, Object>> render(List<Video> videos, List<String> fields, Creator creator) {
        List<Map<String, Object>> rendered = new ArrayList<>(videos.size());
        var now = library.now();
        for (Video video : videos) {
            VideoCounts counts = VideoLibrary.counts(video, now);
            Map<String, Object> out = new LinkedHashMap<>();
            for (String field : fields) {
                out.put(field, switch (field) {
                    case "id" -> video.id();
                    case "create_time" -> video.createTime().getEpochSecond();
                    case "cover_image_url" -> video.coverImageUrl();
                    case "share_url" -> video.shareUrl(creator.username());
                    case "video_description" -> video.description();
                    case "duration" -> video.durationSeconds();
                    case "height" -> 1920;
                    case "width" -> 1080;
                    case "title" -> video.title();
                    case "embed_html" -> "<blockquote class=\"tiktok-embed\" cite=\"" + video.shareUrl(creator.username())
                            + "\" data-video-id=\"" + video.id() + "\"></blockquote>";
                    case "embed_link" -> "https://www.tiktok.com/player/v1/" + video.id();
                    case "like_count" -> counts.likeCount();
                    case "comment_count" -> counts.commentCount();
                    case "share_count" -> counts.shareCount();
                    default -> counts.viewCount();
                });
            }
            rendered.add(out);
        }
        return rendered;
    }

    private static ResponseEntity<Object> ok(Object data) {
        return V2Answers.ok(data);
    }

    /** TikTok v2's error answer. */
    static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return V2Answers.error(status, code, message);
    }
}
