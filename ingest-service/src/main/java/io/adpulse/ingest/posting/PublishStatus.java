package io.adpulse.ingest.posting;

import java.util.List;

/** TikTok's answer to {@code status/fetch/}. */
public record PublishStatus(String status, String failReason, List<String> publicPostIds, Long transferredBytes) {

    /** Whether TikTok is done with the publish, one way or the other. */
    public boolean finished() {
        return "PUBLISH_COMPLETE".equals(status) || "FAILED".equals(status);
    }
}
