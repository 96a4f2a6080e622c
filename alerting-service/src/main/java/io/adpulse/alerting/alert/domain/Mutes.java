package io.adpulse.alerting.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Which silences mute an alert at an instant. Implemented by the silence feature, so that alerts can show
 * whether they are silenced without depending on it.
 */
public interface Mutes {

    /** A lookup from an alert's match labels ({@link Alert#matchLabels()}) to the ids of the silences muting it. */
    Mono<Function<Map<String, String>, List<String>>> at(Instant now);
}
