package io.adpulse.sandbox.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.adpulse.sandbox.config.SandboxProperties;
import io.adpulse.sandbox.loginkit.Creators;

class VideoLibraryTest {

    private static final Instant START = Instant.parse("2026-03-18T10:30:00Z");

    @Test
    void theSameSeedAndDayGiveTheSameVideosAndAnotherSeedOthers() {
        VideoLibrary one = library(42, START);
        VideoLibrary again = library(42, START.plus(Duration.ofHours(5)));
        VideoLibrary other = library(7, START);
        String openId = creators(42).all().get(0).openId();

        assertThat(again.of(openId)).isEqualTo(one.of(openId));
        assertThat(one.of(openId)).hasSizeBetween(30, 45);
        assertThat(other.of(creators(7).all().get(0).openId()).get(0).id()).isNotEqualTo(one.of(openId).get(0).id());
    }

    @Test
    void videosSpreadOverTheLastMonthsWithDistinctIdsAndCreateTimes() {
        VideoLibrary library = library(42, START);
        for (var creator : creators(42).all()) {
            List<Video> videos = library.of(creator.openId());
            assertThat(videos.stream().map(Video::id).distinct()).hasSize(videos.size());
            assertThat(videos.stream().map(Video::createTime).distinct()).hasSize(videos.size());
            assertThat(videos).allSatisfy(v -> {
                assertThat(v.id()).hasSize(19);
                assertThat(v.createTime()).isBefore(START).isAfter(START.minus(Duration.ofDays(VideoLibrary.SPAN_DAYS + 1)));
            });
            assertThat(Duration.between(videos.get(videos.size() - 1).createTime(), videos.get(0).createTime()))
                    .isGreaterThan(Duration.ofDays(60));
        }
    }

    @Test
    void countsGrowWithTimeAndNeverGoBack() {
        Video video = library(42, START).of(creators(42).all().get(0).openId()).get(0);
        VideoCounts previous = VideoLibrary.counts(video, video.createTime());
        assertThat(previous).isEqualTo(new VideoCounts(0, 0, 0, 0));
        for (int minutes = 1; minutes < 60 * 24 * 30; minutes += 7) {
            VideoCounts counts = VideoLibrary.counts(video, video.createTime().plus(Duration.ofMinutes(minutes)));
            assertThat(counts.viewCount()).isGreaterThanOrEqualTo(previous.viewCount());
            assertThat(counts.likeCount()).isGreaterThanOrEqualTo(previous.likeCount());
            assertThat(counts.commentCount()).isGreaterThanOrEqualTo(previous.commentCount());
            assertThat(counts.shareCount()).isGreaterThanOrEqualTo(previous.shareCount());
            previous = counts;
        }
        VideoCounts day = VideoLibrary.counts(video, video.createTime().plus(Duration.ofDays(1)));
        VideoCounts month = VideoLibrary.counts(video, video.createTime().plus(Duration.ofDays(30)));
        assertThat(month.viewCount()).isGreaterThan(day.viewCount());
        assertThat(day.likeCount()).isLessThan(day.viewCount());
    }

    private static VideoLibrary library(long seed, Instant now) {
        return new VideoLibrary(properties(seed), creators(seed), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Creators creators(long seed) {
        return new Creators(properties(seed));
    }

    private static SandboxProperties properties(long seed) {
        return new SandboxProperties("app", "secret", seed, 60, 20, null, Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofDays(180), null);
    }
}
