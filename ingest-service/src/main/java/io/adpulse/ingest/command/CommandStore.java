package io.adpulse.ingest.command;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import java.time.Instant;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code command} table. A command is inserted once (a repeat of the id keeps the first row), claimed for
 * execution by one conditional update ({@code RECEIVED → EXECUTING}), so that at most one delivery ever calls TikTok
 * for it, and its results are recorded before they are published.
 */
@Component
public class CommandStore {

    private static final String COLUMNS = "command_id, fingerprint, kind, connection_id, advertiser_id, actor, dry_run,"
            + " state, outcome, request_event, result_event, requested_at, received_at, updated_at";

    private final DatabaseClient db;

    CommandStore(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the command unless its id is known; emits the stored row (the earlier one for a known id). */
    Mono<StoredCommand> receive(CommandRequested command, String requestEvent, Instant now) {
        return db.sql("insert into command (command_id, fingerprint, kind, connection_id, advertiser_id, actor, dry_run,"
                        + " request_event, state, requested_at, received_at, updated_at) values (:id, :fingerprint,"
                        + " :kind, :connection, :advertiser, :actor, :dryRun, :request, 'RECEIVED', :requestedAt, :now,"
                        + " :now) on conflict (command_id) do nothing")
                .bind("id", command.commandId())
                .bind("fingerprint", command.fingerprint())
                .bind("kind", command.kind())
                .bind("connection", command.connectionId())
                .bind("advertiser", command.advertiserId())
                .bind("actor", command.actor())
                .bind("dryRun", command.dryRun())
                .bind("request", requestEvent)
                .bind("requestedAt", command.requestedAt())
                .bind("now", now)
                .fetch().rowsUpdated()
                .then(find(command.commandId()));
    }

    /** Claims a received command for execution; {@code false} when another delivery claimed or finished it. */
    Mono<Boolean> claim(String commandId, Instant now) {
        return db.sql("update command set state = 'EXECUTING', updated_at = :now where command_id = :id"
                        + " and state = 'RECEIVED'")
                .bind("id", commandId)
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** Records a result (encoded) as the command's latest; a final one ends it. */
    Mono<Void> record(String commandId, CommandResult.Outcome outcome, String resultEvent, Instant now) {
        return db.sql("update command set state = :state, outcome = :outcome, result_event = :result, updated_at = :now"
                        + " where command_id = :id")
                .bind("id", commandId)
                .bind("state", (outcome.isFinal() ? StoredCommand.State.DONE : StoredCommand.State.IN_PROGRESS).name())
                .bind("outcome", outcome.name())
                .bind("result", resultEvent)
                .bind("now", now)
                .fetch().rowsUpdated()
                .then();
    }

    public Mono<StoredCommand> find(String commandId) {
        return db.sql("select " + COLUMNS + " from command where command_id = :id")
                .bind("id", commandId)
                .map((row, meta) -> row(row))
                .one();
    }

    /**
     * The most recent commands, newest first: of one connection when {@code connectionId} is set, of the given
     * advertisers when {@code advertiserIds} is not null.
     */
    public Flux<StoredCommand> recent(String connectionId, Collection<String> advertiserIds, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from command where true");
        if (connectionId != null) {
            sql.append(" and connection_id = :connection");
        }
        if (advertiserIds != null) {
            sql.append(" and advertiser_id = any(:advertisers)");
        }
        sql.append(" order by received_at desc, command_id limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit);
        if (connectionId != null) {
            spec = spec.bind("connection", connectionId);
        }
        if (advertiserIds != null) {
            spec = spec.bind("advertisers", advertiserIds.toArray(String[]::new));
        }
        return spec.map((row, meta) -> row(row)).all();
    }

    private static StoredCommand row(io.r2dbc.spi.Row row) {
        return new StoredCommand(row.get("command_id", String.class), row.get("fingerprint", String.class),
                row.get("kind", String.class), row.get("connection_id", String.class),
                row.get("advertiser_id", String.class), row.get("actor", String.class),
                Boolean.TRUE.equals(row.get("dry_run", Boolean.class)),
                StoredCommand.State.valueOf(row.get("state", String.class)), row.get("outcome", String.class),
                row.get("request_event", String.class), row.get("result_event", String.class),
                row.get("requested_at", Instant.class), row.get("received_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
