package io.adpulse.alerting.editor;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stored versions of the editable settings ({@code settings_version}); rows are only ever added. */
@Repository
class SettingsStore {

    /**
     * One stored version.
     *
     * @param version   its number
     * @param document  the settings document (JSON, with secrets)
     * @param before    the previous version's document; null for version 1 (whose predecessor is the configuration)
     * @param changedBy who stored it
     * @param changedAt when
     */
    record Row(long version, String document, String before, String changedBy, Instant changedAt) {
    }

    private final DatabaseClient db;

    SettingsStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Row> latest() {
        return db.sql("select version, document::text as document, changed_by, changed_at from settings_version"
                        + " order by version desc limit 1")
                .map((row, meta) -> new Row(row.get("version", Long.class), row.get("document", String.class), null,
                        row.get("changed_by", String.class), row.get("changed_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** Stores {@code version}; fails with a duplicate key when another edit stored it first. */
    Mono<Void> insert(long version, String document, String changedBy, Instant changedAt) {
        return db.sql("insert into settings_version (version, document, changed_by, changed_at)"
                        + " values (:version, cast(:document as jsonb), :changedBy, :changedAt)")
                .bind("version", version)
                .bind("document", document)
                .bind("changedBy", changedBy)
                .bind("changedAt", changedAt.atOffset(java.time.ZoneOffset.UTC))
                .then();
    }

    /** The newest {@code limit} versions, newest first, each with the document before it. */
    Flux<Row> history(int limit) {
        return db.sql("select version, document::text as document, lag(document::text) over (order by version) as before,"
                        + " changed_by, changed_at from settings_version order by version desc limit :limit")
                .bind("limit", limit)
                .map((row, meta) -> new Row(row.get("version", Long.class), row.get("document", String.class),
                        row.get("before", String.class), row.get("changed_by", String.class),
                        row.get("changed_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
