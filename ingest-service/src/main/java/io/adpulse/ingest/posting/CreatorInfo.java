package io.adpulse.ingest.posting;

import java.util.List;

/** What TikTok's {@code creator_info/query/} answered: what a posting screen must show and offer. */
public record CreatorInfo(String avatarUrl, String username, String nickname, List<String> privacyLevelOptions,
        boolean commentDisabled, boolean duetDisabled, boolean stitchDisabled, int maxVideoPostDurationSec) {
}
