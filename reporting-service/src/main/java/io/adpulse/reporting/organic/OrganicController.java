package io.adpulse.reporting.organic;

import io.adpulse.reporting.web.Exports;
import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.Visibility;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Organic videos of creator connections:
 * {@code GET /api/reporting/organic/videos?openId=|connectionId=[&sort=views|likes|created][&format=csv|json]} lists
 * the videos with their latest counts (most viewed first by default); {@code GET /api/reporting/organic/overview?openId=}
 * sums them. Counts are decimal strings, null when TikTok did not return them.
 */
@RestController
class OrganicController {

    private static final String VIDEOS = "/api/reporting/organic/videos";
    private static final int MAX_ID = 256;
    private static final List<String> CSV_HEADER = List.of("connectionId", "openId", "videoId", "createTime", "title",
            "shareUrl", "durationSeconds", "views", "likes", "comments", "shares", "engagementRate", "observedAt");

    /** The list document: the selection, the order and the rows. */
    record VideoList(String openId, String connectionId, String sort, List<OrganicVideos.VideoRow> videos) {
    }

    /**
     * Creators' organic videos belong to creator connections, not to a client's brands: CLIENT users are refused
     * (docs/OPERATIONS.md, "Client scope").
     */
    private static final Mono<Void> CLIENTS_REFUSED = Visibility.refuseClients("organic creator data");

    private final OrganicVideos videos;

    OrganicController(OrganicVideos videos) {
        this.videos = videos;
    }

    @GetMapping(VIDEOS)
    Mono<VideoList> list(@RequestParam(required = false) String openId,
            @RequestParam(required = false) String connectionId, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String format) {
        return CLIENTS_REFUSED.then(Mono.defer(() -> {
            Exports.format(format);
            Selection selection = Selection.of(openId, connectionId);
            OrganicSort order = OrganicSort.parse(sort);
            return videos.videos(selection.openId(), selection.connectionId(), order).collectList()
                    .map(rows -> new VideoList(selection.openId(), selection.connectionId(), order.apiName(), rows));
        }));
    }

    @GetMapping(path = VIDEOS, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String openId,
            @RequestParam(required = false) String connectionId, @RequestParam(required = false) String sort) {
        return CLIENTS_REFUSED.then(Mono.fromSupplier(() -> {
            Selection selection = Selection.of(openId, connectionId);
            OrganicSort order = OrganicSort.parse(sort);
            return Exports.csv(selection.filename(), CSV_HEADER,
                    videos.videos(selection.openId(), selection.connectionId(), order),
                    row -> Arrays.asList(row.connectionId(), row.openId(), row.videoId(), text(row.createTime()),
                            row.title(), row.shareUrl(), Objects.toString(row.durationSeconds(), null), row.views(),
                            row.likes(), row.comments(), row.shares(), row.engagementRate(), text(row.observedAt())));
        }));
    }

    @GetMapping(path = VIDEOS, params = "format=json")
    Mono<ResponseEntity<Flux<OrganicVideos.VideoRow>>> json(@RequestParam(required = false) String openId,
            @RequestParam(required = false) String connectionId, @RequestParam(required = false) String sort) {
        return CLIENTS_REFUSED.then(Mono.fromSupplier(() -> {
            Selection selection = Selection.of(openId, connectionId);
            OrganicSort order = OrganicSort.parse(sort);
            return Exports.json(selection.filename(),
                    videos.videos(selection.openId(), selection.connectionId(), order));
        }));
    }

    @GetMapping("/api/reporting/organic/overview")
    Mono<OrganicVideos.Overview> overview(@RequestParam(required = false) String openId) {
        return CLIENTS_REFUSED.then(Mono.defer(() -> videos.overview(id("openId", openId, true))));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String id(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidRequestException("'" + name + "' is required");
            }
            return null;
        }
        String id = value.strip();
        if (id.length() > MAX_ID) {
            throw new InvalidRequestException("'" + name + "' must be at most " + MAX_ID + " characters");
        }
        return id;
    }

    /** Whose videos: a creator, a connection, or both (then both must match). */
    private record Selection(String openId, String connectionId) {

        static Selection of(String openId, String connectionId) {
            Selection selection = new Selection(id("openId", openId, false), id("connectionId", connectionId, false));
            if (selection.openId() == null && selection.connectionId() == null) {
                throw new InvalidRequestException("give 'openId' or 'connectionId'");
            }
            return selection;
        }

        String filename() {
            return Exports.filename("organic-videos", openId, connectionId);
        }
    }
}
