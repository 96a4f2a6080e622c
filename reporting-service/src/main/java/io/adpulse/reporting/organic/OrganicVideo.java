package io.adpulse.reporting.organic;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.OrganicVideoObserved;
import java.time.Instant;
import java.util.Map;

/**
 * One stored organic video: the latest observation of its counts. A null count was not returned by TikTok.
 */
record OrganicVideo(String connectionId, String openId, String videoId, Instant createTime, String title,
        String description, String shareUrl, Integer durationSeconds, Long views, Long likes, Long comments,
        Long shares, Instant observedAt, String eventId) {

    /** The row an event describes; an event that cannot describe one is invalid (dead-lettered, never retried). */
    static OrganicVideo from(EventEnvelope<OrganicVideoObserved> event) {
        OrganicVideoObserved data = event.data();
        if (blank(data.connectionId()) || blank(data.openId()) || blank(data.videoId()) || data.observedAt() == null) {
            throw new InvalidEventException("organic video event " + event.id()
                    + " lacks its connectionId, openId, videoId or observedAt");
        }
        if (data.videoId().length() > 64 || data.connectionId().length() > 128 || data.openId().length() > 256) {
            throw new InvalidEventException("organic video event " + event.id() + " has an id longer than allowed");
        }
        Map<String, Long> counts = data.counts() == null ? Map.of() : data.counts();
        for (var count : counts.entrySet()) {
            if (count.getValue() != null && count.getValue() < 0) {
                throw new InvalidEventException("organic video event " + event.id() + " has a negative "
                        + count.getKey());
            }
        }
        return new OrganicVideo(data.connectionId(), data.openId(), data.videoId(), data.createTime(), data.title(),
                data.description(), data.shareUrl(), data.durationSeconds(), counts.get("view_count"),
                counts.get("like_count"), counts.get("comment_count"), counts.get("share_count"), data.observedAt(),
                event.id());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
