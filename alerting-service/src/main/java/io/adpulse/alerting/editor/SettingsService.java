package io.adpulse.alerting.editor;

import io.adpulse.alerting.config.EditableSettings;
import io.adpulse.alerting.config.LiveSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads, edits and refreshes the editable settings. An edit names the version it is based on; it is read, its masked
 * secrets are put back, it is validated as a whole and stored as the next version, or refused without any effect.
 * The stored version takes effect at once on this instance and within the refresh interval on the others.
 */
@Service
class SettingsService {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    /** One version with the document before it, both as stored (with secrets). */
    record Change(LiveSettings.Snapshot after, EditableSettings before) {
    }

    private final SettingsStore store;
    private final LiveSettings live;
    private final JsonMapper json;
    private final Clock clock;

    SettingsService(SettingsStore store, LiveSettings live, JsonMapper json, Clock clock) {
        this.store = store;
        this.live = live;
        this.json = json;
        this.clock = clock;
    }

    Mono<LiveSettings.Snapshot> current() {
        return live.current();
    }

    LiveSettings.Snapshot seed() {
        return live.seed();
    }

    /** Stores {@code document} as the version after {@code baseVersion}; applies it here once stored. */
    Mono<LiveSettings.Snapshot> edit(JsonNode document, long baseVersion, String actor) {
        return live.current().flatMap(current -> {
            if (current.version() != baseVersion) {
                return Mono.error(conflict(baseVersion, current.version()));
            }
            EditableSettings edited = Secrets.unmask(SettingsDocument.read(document), current.settings());
            SettingsValidator.validate(edited);
            Instant now = clock.instant();
            LiveSettings.Snapshot next = new LiveSettings.Snapshot(baseVersion + 1, edited, actor, now);
            return store.insert(next.version(), json.writeValueAsString(SettingsDocument.write(edited)), actor, now)
                    .onErrorMap(DataIntegrityViolationException.class, e -> conflict(baseVersion, baseVersion + 1))
                    .then(Mono.fromRunnable(() -> {
                        live.apply(next);
                        log.info("alerting settings version {} stored by {}", next.version(), actor);
                    }))
                    .thenReturn(next);
        });
    }

    /** The newest stored versions, newest first, each with the settings before it. */
    Flux<Change> history(int limit) {
        return store.history(limit).map(row -> new Change(snapshot(row),
                row.before() == null ? live.seed().settings() : parse(row.before())));
    }

    /** Reads the newest stored version into effect (none stored: the configuration's stays). */
    Mono<Void> refresh() {
        return store.latest().map(this::snapshot).map(List::of).defaultIfEmpty(List.of())
                .doOnNext(latest -> live.apply(latest.isEmpty() ? null : latest.get(0)))
                .then();
    }

    private LiveSettings.Snapshot snapshot(SettingsStore.Row row) {
        return new LiveSettings.Snapshot(row.version(), parse(row.document()), row.changedBy(), row.changedAt());
    }

    private EditableSettings parse(String document) {
        return SettingsDocument.read(SettingsDocument.parse(document));
    }

    private static ResponseStatusException conflict(long base, long current) {
        return new ResponseStatusException(HttpStatus.CONFLICT, "the settings changed since version " + base
                + " (now " + current + "); read them again and redo the edit on the current version");
    }
}
