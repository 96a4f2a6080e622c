package io.adpulse.alerting.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Which firing alerts inhibit an alert at an instant. Implemented by the inhibition feature, so that alerts can show
 * whether they are inhibited, and notifications can leave them out, without depending on it.
 */
public interface Inhibits {

    /** A lookup from an alert to the fingerprints of the firing alerts that inhibit it now (empty when none do). */
    Mono<Function<Alert, List<String>>> at(Instant now);
}
