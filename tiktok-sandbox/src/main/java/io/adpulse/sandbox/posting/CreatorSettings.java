package io.adpulse.sandbox.posting;

import java.util.List;

/**
 * What {@code creator_info/query/} answers for a creator: the options a posting screen must offer.
 *
 * @param privacyLevelOptions the privacy levels the creator may choose from
 * @param commentDisabled     the creator turned comments off in TikTok (a post may not turn them on)
 * @param duetDisabled        likewise for duets
 * @param stitchDisabled      likewise for stitches
 * @param maxVideoPostDurationSec the longest video the creator may post
 */
public record CreatorSettings(List<String> privacyLevelOptions, boolean commentDisabled, boolean duetDisabled,
                              boolean stitchDisabled, int maxVideoPostDurationSec) {

    static final List<String> ALL_LEVELS = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS",
            "FOLLOWER_OF_CREATOR", "SELF_ONLY");

    /**
     * The sandbox's two creators differ so a posting screen's handling of both can be seen: the first is public
     * with everything allowed and 10 minutes; the second is a private account (no public posts), with duets and
     * stitches off and 60 seconds.
     */
    static CreatorSettings of(int creatorIndex) {
        return creatorIndex == 0
                ? new CreatorSettings(ALL_LEVELS, false, false, false, 600)
                : new CreatorSettings(List.of("MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY"), false,
                        true, true, 60);
    }
}
