package io.adpulse.sandbox.display;

import java.time.Instant;

/**
 * A seeded video of a creator. Its counts are not stored: {@link VideoLibrary#counts} derives them from the
 * sandbox instant.
 *
 * @param id              TikTok's video id, a 19-digit string (beyond 2^53)
 * @param openId          the creator's {@code open_id}
 * @param createTime      when it was posted (whole seconds)
 * @param title           the title
 * @param description     the caption ({@code video_description})
 * @param durationSeconds length in seconds
 * @param reach           the views it heads for in its first days (its potential)
 * @param likeRate        likes per view
 * @param commentRate     comments per view
 * @param shareRate       shares per view
 */
public record Video(String id, String openId, Instant createTime, String title, String description,
                    int durationSeconds, long reach, double likeRate, double commentRate, double shareRate) {

    /** The public link of the video. */
    public String shareUrl(String username) {
        return "https://www.tiktok.com/@" + username + "/video/" + id;
    }

    /** Where its cover image is (a sandbox address that resolves nowhere). */
    public String coverImageUrl() {
        return "https://sandbox.invalid/cover/" + id + ".jpg";
    }
}
