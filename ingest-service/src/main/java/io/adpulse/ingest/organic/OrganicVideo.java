package io.adpulse.ingest.organic;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One video as the Display API listed it.
 *
 * @param videoId         TikTok's id, kept as a string (ids exceed 2^53)
 * @param createTime      when it was posted, or null when TikTok did not say
 * @param title           title, if any
 * @param description     {@code video_description}, if any
 * @param shareUrl        public link, if any
 * @param durationSeconds length, if given
 * @param counts          the counts TikTok returned as whole numbers, by TikTok's name ({@code view_count}...)
 * @param missing         the counts asked for but not returned (or not numbers): missing, never zero
 */
public record OrganicVideo(String videoId, Instant createTime, String title, String description, String shareUrl,
        Integer durationSeconds, Map<String, Long> counts, List<String> missing) {
}
