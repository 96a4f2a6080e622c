package io.adpulse.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The latest public counts of one organic video of a connected creator account (TikTok Display API), published when
 * they changed since the last observation.
 *
 * @param connectionId the creator connection
 * @param openId       the creator's TikTok user id
 * @param videoId      TikTok's video id (a string: ids exceed 2^53)
 * @param createTime   when the video was posted
 * @param title        the video's title, if any
 * @param description  the video's description, if any
 * @param shareUrl     the public link, if any
 * @param durationSeconds length of the video, if known
 * @param counts       {@code view_count}, {@code like_count}, {@code comment_count}, {@code share_count} as TikTok
 *                     returned them
 * @param missing      counts that were asked for but not returned (missing, never zero)
 * @param observedAt   when ingest-service read them
 */
public record OrganicVideoObserved(String connectionId, String openId, String videoId, Instant createTime,
        String title, String description, String shareUrl, Integer durationSeconds, Map<String, Long> counts,
        List<String> missing, Instant observedAt) {
}
