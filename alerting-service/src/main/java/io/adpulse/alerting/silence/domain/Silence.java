package io.adpulse.alerting.silence.domain;

import io.adpulse.alerting.alert.domain.LabelMatcher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mutes the alerts whose labels meet every matcher from {@code startsAt} (inclusive) to {@code endsAt}
 * (exclusive).
 */
public record Silence(UUID id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment, Instant createdAt, Instant updatedAt) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    /** pending before it starts, active while it runs, expired once it ended. */
    public SilenceState state(Instant now) {
        if (now.isBefore(startsAt)) {
            return SilenceState.PENDING;
        }
        return now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
    }

    public boolean mutes(Map<String, String> matchLabels, Instant now) {
        return state(now) == SilenceState.ACTIVE && matchers.stream().allMatch(m -> m.matches(matchLabels));
    }
}
