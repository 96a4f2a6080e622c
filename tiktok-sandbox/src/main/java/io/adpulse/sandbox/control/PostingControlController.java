package io.adpulse.sandbox.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adpulse.sandbox.comments.Comment;
import io.adpulse.sandbox.comments.CommentStore;
import io.adpulse.sandbox.config.SandboxProperties;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations;
import io.adpulse.sandbox.loginkit.Creators;
import io.adpulse.sandbox.posting.ContentPosting;
import io.adpulse.sandbox.posting.Mp4;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Test-only control of Content Posting and comments (not TikTok's API):
 * <ul>
 *   <li>{@code POST /sandbox/creator-tokens} {@code {"open_id","scope"}} → a creator token pair without the
 *       browser round trip;</li>
 *   <li>{@code GET /sandbox/publishes} → every publish (what was posted, its status and fail reason);</li>
 *   <li>{@code GET /sandbox/media/sample.mp4?duration_sec=&size=} → a minimal MP4 whose header says that duration
 *       (for PULL_FROM_URL and uploads);</li>
 *   <li>{@code GET /sandbox/avatars/{openId}.svg} → the creator's avatar;</li>
 *   <li>{@code GET /sandbox/comments?open_id=&video_id=} → every comment and reply, hidden ones too;
 *       {@code POST /sandbox/comments} {@code {"open_id","video_id","username","text"}} → a viewer's new comment;
 *       {@code GET /sandbox/comment-actions} → the replies and hides made through the API.</li>
 * </ul>
 */
@RestController
class PostingControlController {

    record TokenRequest(@JsonProperty("open_id") String openId, String scope) {
    }

    record NewComment(@NotBlank @JsonProperty("open_id") String openId, @NotBlank @JsonProperty("video_id") String videoId,
                      @NotBlank String username, @NotBlank String text) {
    }

    private static final int MAX_SAMPLE = 64 * 1024 * 1024;

    private final CreatorAuthorizations authorizations;
    private final Creators creators;
    private final ContentPosting posting;
    private final CommentStore comments;
    private final SandboxProperties properties;

    PostingControlController(CreatorAuthorizations authorizations, Creators creators, ContentPosting posting,
                             CommentStore comments, SandboxProperties properties) {
        this.authorizations = authorizations;
        this.creators = creators;
        this.posting = posting;
        this.comments = comments;
        this.properties = properties;
    }

    @PostMapping("/sandbox/creator-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> token(@RequestBody TokenRequest request) {
        String openId = request.openId() != null ? request.openId() : creators.all().get(0).openId();
        if (creators.byOpenId(openId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No sandbox creator '" + openId + "'");
        }
        String scope = request.scope() == null || request.scope().isBlank()
                ? "user.info.basic,video.list,video.publish,comment.list,comment.list.manage" : request.scope();
        CreatorAuthorizations.TokenPair pair = authorizations.issueDirectly(properties.appId(), openId, scope);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("open_id", pair.openId());
        answer.put("scope", pair.scope());
        answer.put("access_token", pair.accessToken());
        answer.put("expires_in", pair.expiresIn());
        answer.put("refresh_token", pair.refreshToken());
        return answer;
    }

    @GetMapping("/sandbox/publishes")
    Map<String, Object> publishes() {
        return Map.of("publishes", posting.all());
    }

    @GetMapping("/sandbox/media/sample.mp4")
    ResponseEntity<byte[]> sample(@RequestParam(name = "duration_sec", defaultValue = "15") long durationSec,
                                  @RequestParam(defaultValue = "4096") int size) {
        if (durationSec < 1 || durationSec > 36_000 || size < 64 || size > MAX_SAMPLE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "duration_sec must be 1-36000 and size 64-" + MAX_SAMPLE);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
                .body(Mp4.sample(durationSec, size));
    }

    @GetMapping(value = "/sandbox/avatars/{openId}.svg", produces = "image/svg+xml")
    String avatar(@PathVariable String openId) {
        var creator = creators.byOpenId(openId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No sandbox creator '" + openId + "'"));
        String initial = creator.displayName().substring(0, 1);
        String hue = Integer.toString(Math.floorMod(openId.hashCode(), 360));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\" viewBox=\"0 0 96 96\">"
                + "<circle cx=\"48\" cy=\"48\" r=\"48\" fill=\"hsl(" + hue + ",60%,45%)\"/>"
                + "<text x=\"48\" y=\"62\" font-size=\"44\" text-anchor=\"middle\" fill=\"#fff\" font-family=\"sans-serif\">"
                + initial + "</text></svg>";
    }

    @GetMapping("/sandbox/comments")
    Map<String, Object> comments(@RequestParam(name = "open_id") String openId,
                                 @RequestParam(name = "video_id") String videoId) {
        return Map.of("comments", comments.of(openId, videoId));
    }

    @PostMapping("/sandbox/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment comment(@Valid @RequestBody NewComment request) {
        if (!comments.isVideoOf(request.openId(), request.videoId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No video " + request.videoId() + " of creator "
                    + request.openId());
        }
        return comments.comment(request.openId(), request.videoId(), request.username(), request.text());
    }

    @GetMapping("/sandbox/comment-actions")
    Map<String, List<CommentStore.Action>> actions() {
        return Map.of("actions", comments.actions());
    }
}
