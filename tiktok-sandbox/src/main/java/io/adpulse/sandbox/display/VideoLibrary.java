package io.adpulse.sandbox.display;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.catalog.Draws;
import io.adpulse.sandbox.config.SandboxProperties;
import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.loginkit.Creators;

/**
 * The creators' videos: 30-45 per creator, drawn from the seed and the creator, posted over the
 * {@value #SPAN_DAYS} days before the UTC day the sandbox started in (so a restart on the same day, same seed,
 * gives the same videos). Counts are a deterministic, monotone function of the sandbox instant: views rise fast
 * in the first days after posting and keep a slow long tail, likes, comments and shares are fixed fractions of the
 * views, all rounded down, so no count ever goes back.
 */
@Component
public class VideoLibrary {

    /** How far back videos go. */
    static final int SPAN_DAYS = 120;

    private static final long ID_BASE = 7_000_000_000_000_000_000L;
    private static final long ID_RANGE = 1_000_000_000_000_000_000L;
    private static final double RISE_HOURS = 36;
    private static final double TAIL_PER_DAY = 0.002;
    private static final String[] TOPICS = {"Sunrise hike", "Gear check", "Camp cooking", "Trail tips", "Night sky",
        "Morning routine", "Five-minute look", "Product haul", "Skincare myths", "Get ready with me", "Q&A",
        "Behind the scenes", "Day in my life", "Budget picks", "Before and after"};

    private final Clock clock;
    private final Map<String, List<Video>> byCreator = new LinkedHashMap<>();

    public VideoLibrary(SandboxProperties properties, Creators creators, Clock clock) {
        this.clock = clock;
        Instant anchor = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Set<String> ids = new HashSet<>();
        List<Creator> all = creators.all();
        for (int n = 0; n < all.size(); n++) {
            byCreator.put(all.get(n).openId(), seed(properties.seed(), all.get(n), n, anchor, ids));
        }
    }

    private static List<Video> seed(long seed, Creator creator, int n, Instant anchor, Set<String> ids) {
        Draws draws = Draws.of(seed, "videos|" + creator.openId(), n);
        int count = 30 + draws.nextInt(16);
        Set<Instant> times = new HashSet<>();
        List<Video> videos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant created = anchor.minusSeconds(3600 + (long) (draws.next() * (SPAN_DAYS * 86_400L - 3600)));
            while (!times.add(created)) {
                created = created.minusSeconds(1);
            }
            String id;
            do {
                id = Long.toString(ID_BASE + Math.floorMod((long) (draws.next() * Long.MAX_VALUE), ID_RANGE));
            } while (!ids.add(id));
            String topic = TOPICS[draws.nextInt(TOPICS.length)];
            long reach = Math.round(Math.pow(10, draws.between(3, 6)));
            videos.add(new Video(id, creator.openId(), created, topic + " #" + (i + 1),
                    topic + " with @" + creator.username() + " #fyp", 8 + draws.nextInt(173), reach,
                    draws.between(0.03, 0.12), draws.between(0.002, 0.01), draws.between(0.001, 0.008)));
        }
        videos.sort(Comparator.comparing(Video::createTime).reversed());
        return List.copyOf(videos);
    }

    /** The creator's videos posted by the sandbox instant, newest first; empty for an unknown creator. */
    public List<Video> of(String openId) {
        Instant now = clock.instant();
        return byCreator.getOrDefault(openId, List.of()).stream().filter(v -> !v.createTime().isAfter(now)).toList();
    }

    /** One of the creator's videos by id. */
    public Optional<Video> find(String openId, String videoId) {
        return of(openId).stream().filter(v -> v.id().equals(videoId)).findFirst();
    }

    /** The sandbox instant. */
    public Instant now() {
        return clock.instant();
    }

    /** The video's counts at {@code at} (zero before it was posted). */
    public static VideoCounts counts(Video video, Instant at) {
        double hours = Math.max(0, Duration.between(video.createTime(), at).toSeconds()) / 3600d;
        double views = video.reach() * (1 - Math.exp(-hours / RISE_HOURS) + TAIL_PER_DAY * hours / 24);
        long viewCount = (long) Math.floor(views);
        return new VideoCounts(viewCount, (long) Math.floor(views * video.likeRate()),
                (long) Math.floor(views * video.commentRate()), (long) Math.floor(views * video.shareRate()));
    }
}
