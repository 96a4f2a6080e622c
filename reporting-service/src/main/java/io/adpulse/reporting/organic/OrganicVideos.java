package io.adpulse.reporting.organic;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.OrganicVideoObserved;
import io.adpulse.reporting.kpi.Rounding;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Organic video counts of creator connections: applies {@code OrganicVideoObserved} (latest observation per
 * connection and video wins; redeliveries and late older ones change nothing) and answers the video list and a
 * creator's overview. Engagement rate = (likes + comments + shares) / views, from sums, as a fraction to 4 decimals;
 * null when an input is missing or views are 0. Missing counts stay missing: never summed as zero.
 */
@Service
class OrganicVideos {

    private static final Logger log = LoggerFactory.getLogger(OrganicVideos.class);

    private final OrganicVideoRepository repository;
    private final MeterRegistry meters;

    OrganicVideos(OrganicVideoRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.meters = meters;
    }

    Mono<Boolean> apply(EventEnvelope<OrganicVideoObserved> event) {
        return Mono.fromSupplier(() -> OrganicVideo.from(event))
                .flatMap(video -> repository.upsertIfNewer(video).doOnNext(stored -> {
                    meters.counter("adpulse.reporting.observations", "kind", "organic", "outcome",
                            stored ? "applied" : "stale").increment();
                    log.debug("organic video {} of {} observed at {}: {}", video.videoId(), video.connectionId(),
                            video.observedAt(), stored ? "applied" : "stale");
                }));
    }

    /** One row per video of the selection, in {@code sort}'s order. */
    Flux<VideoRow> videos(String openId, String connectionId, OrganicSort sort) {
        return repository.videos(openId, connectionId, sort).map(VideoRow::of);
    }

    Mono<Overview> overview(String openId) {
        return repository.totals(openId).map(totals -> Overview.of(openId, totals));
    }

    static String engagementRate(Long views, Long likes, Long comments, Long shares) {
        if (views == null || likes == null || comments == null || shares == null || views == 0) {
            return null;
        }
        return BigDecimal.valueOf(likes).add(BigDecimal.valueOf(comments)).add(BigDecimal.valueOf(shares))
                .divide(BigDecimal.valueOf(views), Rounding.RATIO_SCALE, Rounding.MODE).toPlainString();
    }

    private static List<String> missing(Long views, Long likes, Long comments, Long shares) {
        List<String> missing = new ArrayList<>();
        if (views == null) {
            missing.add("views");
        }
        if (likes == null) {
            missing.add("likes");
        }
        if (comments == null) {
            missing.add("comments");
        }
        if (shares == null) {
            missing.add("shares");
        }
        return missing;
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }

    /** One video with its latest counts (decimal strings; null = not returned by TikTok) and engagement rate. */
    record VideoRow(String connectionId, String openId, String videoId, Instant createTime, String title,
            String description, String shareUrl, Integer durationSeconds, String views, String likes,
            String comments, String shares, String engagementRate, List<String> missing,
            Instant observedAt) {

        static VideoRow of(OrganicVideo v) {
            return new VideoRow(v.connectionId(), v.openId(), v.videoId(), v.createTime(), v.title(), v.description(),
                    v.shareUrl(), v.durationSeconds(), text(v.views()), text(v.likes()), text(v.comments()),
                    text(v.shares()), OrganicVideos.engagementRate(v.views(), v.likes(), v.comments(), v.shares()),
                    OrganicVideos.missing(v.views(), v.likes(), v.comments(), v.shares()), v.observedAt());
        }
    }

    /**
     * A creator's totals over all its videos: null totals (named in {@code missing}) had a missing input, or there
     * is no video yet.
     */
    record Overview(String openId, long videoCount, String views, String likes, String comments, String shares,
            String engagementRate, List<String> missing, Instant lastObservedAt) {

        static Overview of(String openId, OrganicTotals t) {
            return new Overview(openId, t.videos(), text(t.views()), text(t.likes()), text(t.comments()),
                    text(t.shares()), OrganicVideos.engagementRate(t.views(), t.likes(), t.comments(), t.shares()),
                    OrganicVideos.missing(t.views(), t.likes(), t.comments(), t.shares()), t.lastObservedAt());
        }
    }
}
