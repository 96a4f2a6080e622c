package io.adpulse.sandbox.comments;

import io.adpulse.sandbox.config.SandboxProperties;
import io.adpulse.sandbox.display.Video;
import io.adpulse.sandbox.display.VideoLibrary;
import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.loginkit.Creators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The comments on the creators' videos: the {@value #SEEDED_VIDEOS} newest videos of each creator start with 2-4
 * viewer comments each, drawn from the seed; tests add more through the control API. Replies and hides made
 * through TikTok's endpoints are recorded as actions, so a test can count that each reached TikTok once.
 */
@Component
public class CommentStore {

    /** A reply or hide made through the API. */
    public record Action(String kind, String openId, String videoId, String commentId, String detail, Instant at) {
    }

    static final int SEEDED_VIDEOS = 5;
    private static final String[] VIEWERS = {"hikerjo", "mapsandmugs", "pinecone.pete", "lumi.glow", "skincarebyrae",
            "dawn.patrol", "tealtent", "nightowl.nia"};
    private static final String[] TEXTS = {"Where is this trail?", "Love this!", "What camera do you use?",
            "Which sunscreen is that?", "Need a part two", "This is so calming", "How long did it take?",
            "Saving this for later"};

    private final Map<String, Comment> comments = new ConcurrentHashMap<>();
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids;
    private final VideoLibrary library;
    private final Clock clock;

    CommentStore(SandboxProperties properties, Creators creators, VideoLibrary library, Clock clock) {
        this.library = library;
        this.clock = clock;
        this.ids = new AtomicLong(7_400_000_000_000_000_000L + Math.floorMod(properties.seed(), 1_000_000L) * 1_000_000L);
        for (Creator creator : creators.all()) {
            List<Video> videos = library.of(creator.openId());
            for (Video video : videos.subList(0, Math.min(SEEDED_VIDEOS, videos.size()))) {
                Random draws = new Random(properties.seed() ^ video.id().hashCode());
                int count = 2 + draws.nextInt(3);
                for (int i = 0; i < count; i++) {
                    String viewer = VIEWERS[draws.nextInt(VIEWERS.length)];
                    Instant at = video.createTime().plus(Duration.ofMinutes(30 + draws.nextInt(60 * 24)));
                    add(new Comment(Long.toString(ids.incrementAndGet()), video.id(), creator.openId(), null,
                            "user-" + viewer, viewer, viewer, TEXTS[draws.nextInt(TEXTS.length)], at,
                            draws.nextInt(50), false, false));
                }
            }
        }
    }

    private void add(Comment comment) {
        comments.put(comment.commentId(), comment);
    }

    /** Whether {@code videoId} is one of {@code openId}'s videos. */
    public boolean isVideoOf(String openId, String videoId) {
        return library.find(openId, videoId).isPresent();
    }

    /** The comments and replies of a video, newest first. */
    public List<Comment> of(String openId, String videoId) {
        List<Comment> list = new ArrayList<>();
        for (Comment c : comments.values()) {
            if (c.openId().equals(openId) && c.videoId().equals(videoId)) {
                list.add(c);
            }
        }
        list.sort(Comparator.comparing(Comment::createTime).reversed().thenComparing(Comment::commentId));
        return list;
    }

    public Optional<Comment> find(String openId, String videoId, String commentId) {
        return Optional.ofNullable(comments.get(commentId))
                .filter(c -> c.openId().equals(openId) && c.videoId().equals(videoId));
    }

    /** A viewer's new comment, now (control API). */
    public Comment comment(String openId, String videoId, String username, String text) {
        Comment comment = new Comment(Long.toString(ids.incrementAndGet()), videoId, openId, null, "user-" + username,
                username, username, text, clock.instant(), 0, false, false);
        add(comment);
        return comment;
    }

    /** The creator's reply to {@code parent}. */
    public Comment reply(Comment parent, String text) {
        Comment reply = new Comment(Long.toString(ids.incrementAndGet()), parent.videoId(), parent.openId(),
                parent.commentId(), parent.openId(), "creator", "creator", text, clock.instant(), 0, true, false);
        add(reply);
        actions.add(new Action("REPLY", parent.openId(), parent.videoId(), parent.commentId(), text, clock.instant()));
        return reply;
    }

    /** Hides or shows a comment. */
    public Comment hide(Comment comment, boolean hidden) {
        Comment changed = comment.withHidden(hidden);
        add(changed);
        actions.add(new Action(hidden ? "HIDE" : "UNHIDE", comment.openId(), comment.videoId(), comment.commentId(),
                null, clock.instant()));
        return changed;
    }

    public List<Action> actions() {
        return List.copyOf(actions);
    }
}
