package io.adpulse.sandbox.control;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.display.VideoCounts;
import io.adpulse.sandbox.display.VideoLibrary;
import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.loginkit.Creators;
import reactor.core.publisher.Mono;

/**
 * {@code GET /sandbox/ground-truth/organic?open_id=} (test-only, not TikTok's API): every video of a creator with
 * its counts at the current sandbox instant, newest first, which is what the Display API answers and Adpulse must
 * end up showing.
 */
@RestController
class OrganicGroundTruthController {

    /** The answer: the creator, the instant the counts were taken at, and every video. */
    record OrganicTruth(@JsonProperty("open_id") String openId, String username, @JsonProperty("as_of") Instant asOf,
                        List<VideoTruth> videos) {
    }

    /** One video and its counts. */
    record VideoTruth(String id, @JsonProperty("create_time") long createTime, String title,
                      @JsonProperty("share_url") String shareUrl, long duration,
                      @JsonProperty("view_count") long viewCount, @JsonProperty("like_count") long likeCount,
                      @JsonProperty("comment_count") long commentCount, @JsonProperty("share_count") long shareCount) {
    }

    private final Creators creators;
    private final VideoLibrary library;

    OrganicGroundTruthController(Creators creators, VideoLibrary library) {
        this.creators = creators;
        this.library = library;
    }

    @GetMapping("/sandbox/ground-truth/organic")
    Mono<OrganicTruth> organic(@RequestParam(name = "open_id", required = false) String openId) {
        return Mono.fromSupplier(() -> {
            String id = Problems.required("open_id", openId);
            Creator creator = creators.byOpenId(id)
                    .orElseThrow(() -> Problems.notFound("No seeded creator has open_id " + id + "."));
            Instant now = library.now();
            List<VideoTruth> videos = library.of(creator.openId()).stream().map(video -> {
                VideoCounts counts = VideoLibrary.counts(video, now);
                return new VideoTruth(video.id(), video.createTime().getEpochSecond(), video.title(),
                        video.shareUrl(creator.username()), video.durationSeconds(), counts.viewCount(),
                        counts.likeCount(), counts.commentCount(), counts.shareCount());
            }).toList();
            return new OrganicTruth(creator.openId(), creator.username(), now, videos);
        });
    }
}
