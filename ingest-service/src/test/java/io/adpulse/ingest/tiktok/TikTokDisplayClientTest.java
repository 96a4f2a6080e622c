package io.adpulse.ingest.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.ingest.organic.OrganicVideo;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TikTokDisplayClientTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsIdsBeyond2Pow53AsStringsAndLeavesOddCountsMissingRatherThanZero() {
        OrganicVideo video = TikTokDisplayClient.video(json.readTree("""
                {"id":7300000000000000123,"create_time":1785578400,"title":"t","video_description":"d",
                 "share_url":"https://x/video/7300000000000000123","duration":31,
                 "view_count":12345678901,"like_count":"12","comment_count":null}"""));

        assertThat(video.videoId()).isEqualTo("7300000000000000123");
        assertThat(video.createTime()).isEqualTo(Instant.ofEpochSecond(1785578400));
        assertThat(video.durationSeconds()).isEqualTo(31);
        assertThat(video.counts()).containsExactly(java.util.Map.entry("view_count", 12345678901L));
        assertThat(video.missing()).containsExactly("like_count", "comment_count", "share_count");
    }
}
