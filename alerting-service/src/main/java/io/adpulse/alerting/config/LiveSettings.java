package io.adpulse.alerting.config;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The effective editable settings of this instance: version 0 from the application configuration until the stored
 * versions have been read, then the latest stored version. The rules, the routing and the inhibition read it on
 * every evaluation and dispatch, so an edit takes effect without a restart. {@link #current()} waits for the first
 * read of the stored versions, so nothing is judged with the configuration's values after an admin changed them.
 */
@Component
public class LiveSettings {

    /**
     * One version of the settings.
     *
     * @param version   0 for the application configuration, then 1, 2, ...
     * @param settings  the settings
     * @param changedBy who stored it ({@code X-Adpulse-Actor}); null for version 0
     * @param changedAt when it was stored; null for version 0
     */
    public record Snapshot(long version, EditableSettings settings, String changedBy, Instant changedAt) {
    }

    private final Snapshot seed;
    private final AtomicReference<Snapshot> current;
    private final Sinks.One<Snapshot> loaded = Sinks.one();

    public LiveSettings(AlertingProperties properties) {
        this.seed = new Snapshot(0, EditableSettings.of(properties), null, null);
        this.current = new AtomicReference<>(seed);
    }

    /** The configuration's settings (version 0). */
    public Snapshot seed() {
        return seed;
    }

    /** The current settings, once the stored versions have been read once. */
    public Mono<Snapshot> current() {
        return loaded.asMono().map(first -> current.get());
    }

    /** The current settings without waiting: the configuration's until the stored versions have been read. */
    public Snapshot now() {
        return current.get();
    }

    /**
     * Takes {@code latest} (the newest stored version, or null when none is stored) unless a newer one is already in
     * effect; the first call releases {@link #current()}.
     */
    public synchronized void apply(Snapshot latest) {
        if (latest != null) {
            current.accumulateAndGet(latest, (was, next) -> next.version() > was.version() ? next : was);
        }
        loaded.tryEmitValue(current.get());
    }
}
