package io.adpulse.alerting.silence.domain;

import io.adpulse.alerting.alert.domain.Mutes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Answers "is this alert silenced now, and by which silences?" from the silences stored at that moment. */
@Service
public class Silences implements Mutes {

    private final SilenceStore store;

    Silences(SilenceStore store) {
        this.store = store;
    }

    /** A test of an alert's match labels: true when an active silence mutes it at {@code now}. */
    public Mono<Predicate<Map<String, String>>> mutedAt(Instant now) {
        return active(now).map(active -> labels -> active.stream().anyMatch(s -> s.mutes(labels, now)));
    }

    @Override
    public Mono<Function<Map<String, String>, List<String>>> at(Instant now) {
        return active(now).map(active -> labels -> active.stream().filter(s -> s.mutes(labels, now))
                .map(s -> s.id().toString()).toList());
    }

    /** The silences active at {@code now}. */
    public Mono<List<Silence>> active(Instant now) {
        return store.unexpired(now).filter(s -> s.state(now) == SilenceState.ACTIVE).collectList();
    }
}
