package io.adpulse.alerting.silence.web;

import io.adpulse.alerting.silence.domain.Silence;
import io.adpulse.alerting.silence.domain.SilenceState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A silence as the API shows it, with its state at the time of the request. */
record SilenceView(UUID id, List<SilenceRequest.MatcherBody> matchers, Instant startsAt, Instant endsAt,
        String createdBy, String comment, Instant createdAt, Instant updatedAt, SilenceState state) {

    static SilenceView of(Silence silence, Instant now) {
        return new SilenceView(silence.id(), silence.matchers().stream()
                .map(m -> new SilenceRequest.MatcherBody(m.name(), m.value(), m.regex(), m.equal())).toList(),
                silence.startsAt(), silence.endsAt(), silence.createdBy(), silence.comment(), silence.createdAt(),
                silence.updatedAt(), silence.state(now));
    }
}
