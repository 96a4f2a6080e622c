package io.adpulse.ingest.web;

import io.adpulse.events.EventCodec;
import io.adpulse.ingest.command.CommandExecutor;
import io.adpulse.ingest.command.CommandStore;
import io.adpulse.ingest.command.CommandView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Commands (writes to TikTok) and their results, for the UI and for the gateway's idempotency check. Commands arrive
 * on {@code tiktok.commands.v1} only (the gateway publishes them); this API reads. A CLIENT caller sees only the
 * commands of its own advertisers ({@link Caller}); another one is a 404 as if unknown.
 */
@RestController
@RequestMapping("/api/ingest/commands")
class CommandsController {

    private static final int MAX_LIMIT = 500;

    private final CommandStore store;
    private final CommandExecutor executor;
    private final EventCodec codec;

    CommandsController(CommandStore store, CommandExecutor executor, EventCodec codec) {
        this.store = store;
        this.executor = executor;
        this.codec = codec;
    }

    /** The most recent commands, newest first, optionally of one connection; {@code limit} 1-500 (default 50). */
    @GetMapping
    Flux<CommandView> list(@RequestParam(required = false) String connectionId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestHeader(value = Caller.ROLES_HEADER, required = false) String roles,
            @RequestHeader(value = Caller.ADVERTISERS_HEADER, required = false) String advertisers) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "limit must be between 1 and " + MAX_LIMIT + ", got " + limit));
        }
        Caller caller = Caller.of(roles, advertisers);
        return store.recent(connectionId, caller.advertiserIds(), limit).map(c -> CommandView.of(c, codec));
    }

    /** The command kinds this service executes. */
    @GetMapping("/kinds")
    Mono<List<String>> kinds() {
        return Mono.just(executor.kinds());
    }

    /** One command with its latest result; 404 for an unknown id (or one the caller may not see). */
    @GetMapping("/{id}")
    Mono<CommandView> one(@PathVariable String id,
            @RequestHeader(value = Caller.ROLES_HEADER, required = false) String roles,
            @RequestHeader(value = Caller.ADVERTISERS_HEADER, required = false) String advertisers) {
        Caller caller = Caller.of(roles, advertisers);
        return store.find(id)
                .filter(c -> caller.sees(c.advertiserId()))
                .map(c -> CommandView.of(c, codec))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no command " + id + " (it may not have reached ingest-service yet)")));
    }
}
