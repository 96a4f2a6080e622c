package io.adpulse.alerting.silence.domain;

import io.adpulse.alerting.alert.domain.LabelMatcher;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code silence} table; matchers are stored as Alertmanager writes them: {@code {name, value, isRegex, isEqual}}. */
@Repository
public class SilenceStore {

    private static final String COLUMNS = "id, matchers::text as matchers, starts_at, ends_at, created_by, comment, "
            + "created_at, updated_at";
    private static final TypeReference<List<Map<String, Object>>> MATCHERS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    SilenceStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Silence> add(Silence silence) {
        return db.sql("insert into silence (id, matchers, starts_at, ends_at, created_by, comment, created_at, updated_at) "
                        + "values (:id, cast(:matchers as jsonb), :startsAt, :endsAt, :createdBy, :comment, :createdAt, "
                        + ":updatedAt)")
                .bind("id", silence.id())
                .bind("matchers", json.writeValueAsString(silence.matchers().stream().map(SilenceStore::wire).toList()))
                .bind("startsAt", silence.startsAt())
                .bind("endsAt", silence.endsAt())
                .bind("createdBy", silence.createdBy())
                .bind("comment", silence.comment())
                .bind("createdAt", silence.createdAt())
                .bind("updatedAt", silence.updatedAt())
                .then()
                .thenReturn(silence);
    }

    public Mono<Silence> find(UUID id) {
        return db.sql("select " + COLUMNS + " from silence where id = :id").bind("id", id).map(this::silence).one();
    }

    /** Silences not ended by {@code now} (pending or active). */
    public Flux<Silence> unexpired(Instant now) {
        return db.sql("select " + COLUMNS + " from silence where ends_at > :now order by starts_at, id")
                .bind("now", now)
                .map(this::silence)
                .all();
    }

    /** Newest first; only those in {@code state} at {@code now} unless it is null. */
    public Flux<Silence> list(SilenceState state, Instant now, int limit) {
        String where = state == null ? "" : switch (state) {
            case PENDING -> "where starts_at > :now ";
            case ACTIVE -> "where starts_at <= :now and ends_at > :now ";
            case EXPIRED -> "where ends_at <= :now ";
        };
        DatabaseClient.GenericExecuteSpec spec = db.sql("select " + COLUMNS + " from silence " + where
                        + "order by created_at desc, id limit :limit")
                .bind("limit", limit);
        if (state != null) {
            spec = spec.bind("now", now);
        }
        return spec.map(this::silence).all();
    }

    /** Ends a pending or active silence at {@code now}; empty when it had already ended (or does not exist). */
    public Mono<Silence> expire(UUID id, Instant now) {
        return db.sql("update silence set ends_at = :now, starts_at = least(starts_at, :now), updated_at = :now "
                        + "where id = :id and ends_at > :now returning " + COLUMNS)
                .bind("id", id)
                .bind("now", now)
                .map(this::silence)
                .one();
    }

    private Silence silence(Readable row) {
        List<LabelMatcher> matchers = json.readValue(row.get("matchers", String.class), MATCHERS).stream()
                .map(m -> new LabelMatcher((String) m.get("name"), (String) m.get("value"),
                        Boolean.TRUE.equals(m.get("isRegex")), !Boolean.FALSE.equals(m.get("isEqual"))))
                .toList();
        return new Silence(row.get("id", UUID.class), matchers, row.get("starts_at", Instant.class),
                row.get("ends_at", Instant.class), row.get("created_by", String.class), row.get("comment", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }

    private static Map<String, Object> wire(LabelMatcher matcher) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("name", matcher.name());
        wire.put("value", matcher.value());
        wire.put("isRegex", matcher.regex());
        wire.put("isEqual", matcher.equal());
        return wire;
    }
}
