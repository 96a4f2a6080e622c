package io.adpulse.ingest.command;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.events.TransitCipher;
import io.adpulse.ingest.connection.Connection;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.connection.ConnectionStatus;
import io.adpulse.ingest.publish.EventPublisher;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.SyncReason;
import io.adpulse.ingest.sync.SyncTally;
import io.adpulse.ingest.token.AccessToken;
import io.adpulse.ingest.token.TokenOpeningException;
import io.adpulse.ingest.token.TransitKeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Executes commands at most once and answers each with a {@link CommandResult} on {@code tiktok.command-results.v1}.
 * <ul>
 * <li>The command is stored under its id first. A repeat of a known id with the same fingerprint never runs again:
 * once it has a result, that result is published again (same event id, so consumers see a duplicate, not a second
 * outcome); a repeat with another fingerprint is ignored (the gateway refuses those; the first command stands).</li>
 * <li>Adpulse's own checks come first: the kind must have a {@link CommandHandler}, its parameters must validate, the
 * connection must exist, be active, be of the kind's connection kind and belong to the command's advertiser, and its
 * token must open. A failure is a {@code REJECTED} result; TikTok is not called.</li>
 * <li>A dry run ends there (after the same checks) with the exact request as a {@code DRY_RUN} result; nothing is
 * sent to TikTok, not even a read.</li>
 * <li>Otherwise the row is claimed ({@code RECEIVED → EXECUTING}) before TikTok is called. A delivery that finds it
 * {@code EXECUTING} without a result comes after a crash or timeout in the middle of the call: TikTok may or may not
 * have applied it, so it is not sent again; it is recorded as {@code FAILED} saying so.</li>
 * <li>Each result is recorded in the row before it is published, so a failed publish is retried by the consumer
 * (redelivery), which publishes the recorded result.</li>
 * </ul>
 */
@Component
public class CommandExecutor {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);
    static final String INTERRUPTED = "The execution of this command was interrupted after it was sent to TikTok (a"
            + " restart or a timeout); TikTok may or may not have applied it, so it was not sent again. Check the"
            + " entity before issuing a new command.";

    private final Map<String, CommandHandler> handlers;
    private final CommandStore store;
    private final ConnectionRepository connections;
    private final TransitKeyRing keyRing;
    private final TikTokWriter tiktok;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final Clock clock;

    CommandExecutor(List<CommandHandler> handlers, CommandStore store, ConnectionRepository connections,
            TransitKeyRing keyRing, TikTokWriter tiktok, EventPublisher publisher, EventCodec codec, Clock clock) {
        this.handlers = handlers.stream().collect(Collectors.toMap(CommandHandler::kind, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two handlers for command kind " + a.kind() + ": "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                }, TreeMap::new));
        this.store = store;
        this.connections = connections;
        this.keyRing = keyRing;
        this.tiktok = tiktok;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
    }

    /** The kinds this service executes, sorted. */
    public List<String> kinds() {
        return List.copyOf(handlers.keySet());
    }

    /** Handles one delivery of a command (the encoded event as received). */
    Mono<Void> handle(CommandRequested command, byte[] encoded) {
        return store.receive(command, new String(encoded, StandardCharsets.UTF_8), clock.instant())
                .flatMap(stored -> {
                    if (!stored.fingerprint().equals(command.fingerprint())) {
                        log.warn("Ignoring command {} ({}): its id was used before for another command ({}), which"
                                + " stands", command.commandId(), command.kind(), stored.kind());
                        return Mono.empty();
                    }
                    if (stored.resultEvent() != null) {
                        log.info("Command {} was seen before ({}); publishing its recorded result again",
                                command.commandId(), stored.outcome());
                        return publisher.publishEncoded(Topics.COMMAND_RESULTS, stored.connectionId(),
                                stored.resultEvent().getBytes(StandardCharsets.UTF_8));
                    }
                    if (stored.state() == StoredCommand.State.EXECUTING) {
                        return finish(result(command, CommandResult.Outcome.FAILED, INTERRUPTED, null, null, null,
                                null, null));
                    }
                    return run(command);
                });
    }

    private Mono<Void> run(CommandRequested command) {
        CommandHandler handler = handlers.get(command.kind());
        if (handler == null) {
            return reject(command, "unknown command kind '" + command.kind() + "'; this service executes "
                    + String.join(", ", handlers.keySet()));
        }
        CommandParameters parameters;
        try {
            parameters = new CommandParameters(opened(command));
        } catch (TransitCipher.NotOpened e) {
            return reject(command, e.getMessage());
        }
        Mono<Optional<TikTokCall>> prepared;
        try {
            handler.validate(parameters);
            prepared = handler.prepare(command, parameters).map(Optional::of).defaultIfEmpty(Optional.empty());
        } catch (CommandRejectedException e) {
            return reject(command, e.getMessage());
        }
        return prepared
                .onErrorResume(CommandRejectedException.class,
                        e -> reject(command, e.getMessage()).then(Mono.<Optional<TikTokCall>>empty()))
                .flatMap(call -> run(command, handler, parameters, call.orElse(null)));
    }

    /**
     * The command's parameters with its sealed credentials opened, for the handler only: they are stored, recorded and
     * shown sealed or masked.
     */
    private Map<String, Object> opened(CommandRequested command) {
        Map<String, Object> parameters = new LinkedHashMap<>(command.parameters());
        parameters.replaceAll((name, value) -> !CommandRequested.SECRET_PARAMETERS.contains(name) ? value
                : CommandRequested.SealedParameter.of(value)
                        .map(sealed -> (Object) keyRing.openParameter(sealed.sealed(), name, command.commandId()))
                        .orElse(value));
        return parameters;
    }

    /** After validation: {@code call} is null for a kind that makes no TikTok call. */
    private Mono<Void> run(CommandRequested command, CommandHandler handler, CommandParameters parameters,
            TikTokCall call) {
        CommandResult.TikTokRequest request = call == null ? null : tiktok.describe(call);
        return connections.find(command.connectionId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    String problem = found.isEmpty() ? "unknown connection '" + command.connectionId() + "'"
                            : problem(found.get(), command, handler);
                    if (problem != null) {
                        return reject(command, problem);
                    }
                    Connection connection = found.get();
                    AccessToken token;
                    try {
                        token = keyRing.open(connection.token(), connection.id());
                    } catch (TokenOpeningException e) {
                        return reject(command, "the connection's token cannot be opened: " + e.getMessage());
                    }
                    if (command.dryRun()) {
                        return finish(result(command, CommandResult.Outcome.DRY_RUN, null, request, null, null,
                                handler.entityId(parameters), null));
                    }
                    return store.claim(command.commandId(), clock.instant()).flatMap(claimed -> claimed
                            ? execute(command, handler, parameters, call, request, token)
                            : Mono.empty());
                });
    }

    private static String problem(Connection connection, CommandRequested command, CommandHandler handler) {
        if (connection.status() != ConnectionStatus.ACTIVE || connection.token() == null) {
            return "connection " + connection.id() + " is " + connection.status()
                    + "; reconnect the account before writing to it";
        }
        if (!connection.advertiserId().equals(command.advertiserId())) {
            return "connection " + connection.id() + " is not the connection of advertiser " + command.advertiserId();
        }
        if (connection.kind() != handler.connectionKind()) {
            return command.kind() + " needs a " + handler.connectionKind() + " connection; " + connection.id()
                    + " is a " + connection.kind() + " connection";
        }
        return null;
    }

    private Mono<Void> execute(CommandRequested command, CommandHandler handler, CommandParameters parameters,
            TikTokCall call, CommandResult.TikTokRequest request, AccessToken token) {
        CallOrigin origin = new CallOrigin(command.connectionId(), command.advertiserId(), SyncReason.COMMAND,
                new SyncTally());
        CommandContext context = new CommandContext(command, parameters, origin, token, tiktok);
        Mono<Optional<Map<String, Object>>> before = snapshot(handler.readBefore(context), command, "before");
        return before.flatMap(was -> handler.execute(context, call)
                .flatMap(answer -> {
                    CommandResult.Outcome outcome = handler.outcomeOf(answer);
                    String entityId = handler.entityId(parameters, answer);
                    Mono<Optional<Map<String, Object>>> after = outcome == CommandResult.Outcome.FAILED
                            || entityId == null ? Mono.just(Optional.empty())
                            : snapshot(handler.readAfter(context, entityId), command, "after");
                    return after.flatMap(is -> finish(result(command, outcome,
                            outcome == CommandResult.Outcome.FAILED ? failure(answer) : null, request,
                            was.orElse(null), is.orElse(null), entityId, answer)));
                })
                .onErrorResume(e -> {
                    // A handler bug after the claim: record it, never run the command again.
                    log.error("Command {} ({}) failed in its handler", command.commandId(), command.kind(), e);
                    return finish(result(command, CommandResult.Outcome.FAILED,
                            "Adpulse failed while executing the command (" + e.getClass().getSimpleName()
                                    + "); it may or may not have reached TikTok",
                            request, was.orElse(null), null, null, null));
                }));
    }

    private static Mono<Optional<Map<String, Object>>> snapshot(Mono<Map<String, Object>> read,
            CommandRequested command, String which) {
        return read.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(e -> {
                    log.warn("Could not read the entity {} command {} ({}); recording it without: {}", which,
                            command.commandId(), command.kind(), e.toString());
                    return Mono.just(Optional.empty());
                });
    }

    private static String failure(TikTokAnswer answer) {
        if (answer.code() == null) {
            return "TikTok was not reached or did not answer: " + answer.message();
        }
        return "TikTok refused the request with code " + answer.code() + ": " + answer.message();
    }

    private Mono<Void> reject(CommandRequested command, String reason) {
        log.info("Rejected command {} ({}) of {}: {}", command.commandId(), command.kind(), command.actor(), reason);
        return finish(result(command, CommandResult.Outcome.REJECTED, reason, null, null, null, null, null));
    }

    private CommandResult result(CommandRequested command, CommandResult.Outcome outcome, String reason,
            CommandResult.TikTokRequest request, Map<String, Object> before, Map<String, Object> after,
            String entityId, TikTokAnswer answer) {
        return new CommandResult(command.commandId(), command.kind(), command.connectionId(), command.advertiserId(),
                command.actor(), command.dryRun(), outcome, null, reason, request, before, after, entityId,
                answer == null ? null : answer.code(), answer == null ? null : answer.message(),
                answer == null ? null : answer.requestId(), clock.instant());
    }

    /**
     * Records {@code result} as the command's latest and publishes it: for kinds that report later (an
     * {@code IN_PROGRESS} result first, then progress and a final outcome from a poll or a webhook). The event id is
     * derived from the command id, outcome and progress, so reporting the same step twice is one fact.
     */
    public Mono<Void> report(CommandResult result) {
        return finish(result);
    }

    private Mono<Void> finish(CommandResult result) {
        EventEnvelope<CommandResult> event = EventEnvelope.of(EventPublisher.SOURCE, result.connectionId(),
                result.completedAt(), result, result.commandId(), result.outcome(), result.progress());
        byte[] encoded = codec.encode(event);
        return store.record(result.commandId(), result.outcome(), new String(encoded, StandardCharsets.UTF_8),
                        result.completedAt())
                .then(publisher.publishEncoded(Topics.COMMAND_RESULTS, result.connectionId(), encoded));
    }
}
