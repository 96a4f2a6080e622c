package io.adpulse.ingest.command;

import io.adpulse.events.CommandResult;
import io.adpulse.events.CommandRequested;
import io.adpulse.events.ConnectionKind;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One kind of command ({@code campaign.update}, {@code campaign.status.update}...): a Spring bean per kind, found by
 * {@link #kind()}. The executor calls, in this order:
 * <ol>
 * <li>{@link #validate} — always, dry runs included; throw {@link CommandRejectedException} with the reason (the
 * result is {@code REJECTED}, TikTok is not called);</li>
 * <li>{@link #prepare} ({@link #request} by default) — the exact TikTok call; a dry run stops here and reports it
 * as {@code DRY_RUN};</li>
 * <li>{@link #readBefore} — the entity as TikTok has it now, recorded as {@code before} (default: none);</li>
 * <li>{@link #execute} — sends the call (default: exactly once through {@link CommandContext#send});</li>
 * <li>{@link #outcomeOf} — {@code SUCCEEDED} or {@code FAILED} from TikTok's answer (a kind that takes a while
 * answers {@code IN_PROGRESS} and reports later through {@link CommandExecutor#report});</li>
 * <li>{@link #readAfter} — after a success, the entity as TikTok has it then, recorded as {@code after}.</li>
 * </ol>
 * A read that fails does not fail the command: the snapshot is left out. Handlers hold no state; everything they
 * need is in the {@link CommandContext}.
 */
public interface CommandHandler {

    /** The kind this handler executes, as it appears in {@code CommandRequested.kind}. */
    String kind();

    /** The kind of connection it writes through: advertisers (API for Business) by default, or creators (Open API). */
    default ConnectionKind connectionKind() {
        return ConnectionKind.ADVERTISER;
    }

    /** Checks the parameters (and anything else about the command) without calling TikTok. */
    void validate(CommandParameters parameters);

    /**
     * The TikTok call that carries out the command, built from validated parameters. Kinds whose call needs Adpulse's
     * own data override {@link #prepare} instead.
     */
    default TikTokCall request(CommandRequested command, CommandParameters parameters) {
        throw new IllegalStateException(getClass().getName() + " implements neither request nor prepare");
    }

    /**
     * The TikTok call, for kinds that read Adpulse's own data to build it (a stored video's size, the video a comment
     * is on): default {@link #request}. Empty for a kind that makes no TikTok call (an Adpulse-local change such as
     * assigning a comment; it overrides {@link #execute}, which then gets {@code null}). A
     * {@link CommandRejectedException} error rejects the command.
     */
    default Mono<TikTokCall> prepare(CommandRequested command, CommandParameters parameters) {
        return Mono.fromCallable(() -> request(command, parameters));
    }

    /** The id of the entity the command writes, when the parameters name it (null for a create). */
    default String entityId(CommandParameters parameters) {
        return null;
    }

    /** The entity before the write, for the record; empty where there is none. */
    default Mono<Map<String, Object>> readBefore(CommandContext context) {
        return Mono.empty();
    }

    /** Sends the request. Override for kinds that take several calls. */
    default Mono<TikTokAnswer> execute(CommandContext context, TikTokCall request) {
        return context.send(request);
    }

    /** What TikTok's answer means for the command. */
    default CommandResult.Outcome outcomeOf(TikTokAnswer answer) {
        return answer.ok() ? CommandResult.Outcome.SUCCEEDED : CommandResult.Outcome.FAILED;
    }

    /** The id TikTok gave a created entity, or the one written; default: {@link #entityId(CommandParameters)}. */
    default String entityId(CommandParameters parameters, TikTokAnswer answer) {
        return entityId(parameters);
    }

    /** The entity after a successful write; {@code entityId} is {@link #entityId(CommandParameters, TikTokAnswer)}. */
    default Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
        return Mono.empty();
    }
}
