package io.adpulse.alerting.silence.web;

import io.adpulse.alerting.alert.domain.LabelMatcher;
import io.adpulse.alerting.silence.domain.Silence;
import io.adpulse.alerting.silence.domain.SilenceState;
import io.adpulse.alerting.silence.domain.SilenceStore;
import io.adpulse.alerting.web.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Silences: create (201), list newest first (optionally by state), show one, and expire one (DELETE ends it now,
 * as in Alertmanager; the record stays). Bad input is a 400 problem whose {@code detail} names the field.
 */
@RestController
@RequestMapping("/api/alerting/silences")
class SilenceController {

    static final String ACTOR_HEADER = "X-Adpulse-Actor";
    /** Silences are operators' tools whose matchers name any client's advertisers: CLIENT users are refused. */
    private static final String SILENCES = "silences";
    private static final int MAX_MATCHERS = 20;
    private static final int MAX_COMMENT = 1000;
    private static final int MAX_ACTOR = 200;
    private static final int MAX_LIMIT = 1000;

    private final SilenceStore silences;
    private final Clock clock;

    SilenceController(SilenceStore silences, Clock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SilenceView> create(@RequestBody SilenceRequest request,
            @RequestHeader(name = ACTOR_HEADER, required = false) String actor, @RequestHeader HttpHeaders headers) {
        Caller.of(headers).refuseClients(SILENCES);
        Instant now = clock.instant();
        return Mono.fromCallable(() -> validate(request, actor, now))
                .flatMap(silences::add)
                .map(silence -> SilenceView.of(silence, now));
    }

    @GetMapping
    Flux<SilenceView> list(@RequestParam(required = false) SilenceState state,
            @RequestParam(defaultValue = "100") int limit, @RequestHeader HttpHeaders headers) {
        Caller.of(headers).refuseClients(SILENCES);
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit));
        }
        Instant now = clock.instant();
        return silences.list(state, now, limit).map(s -> SilenceView.of(s, now));
    }

    @GetMapping("/{id}")
    Mono<SilenceView> show(@PathVariable UUID id, @RequestHeader HttpHeaders headers) {
        Caller.of(headers).refuseClients(SILENCES);
        Instant now = clock.instant();
        return silences.find(id).map(s -> SilenceView.of(s, now)).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    @DeleteMapping("/{id}")
    Mono<SilenceView> expire(@PathVariable UUID id, @RequestHeader HttpHeaders headers) {
        Caller.of(headers).refuseClients(SILENCES);
        Instant now = clock.instant();
        return silences.expire(id, now)
                .map(s -> SilenceView.of(s, now))
                .switchIfEmpty(Mono.defer(() -> silences.find(id)
                        .flatMap(found -> Mono.<SilenceView>error(new ResponseStatusException(HttpStatus.CONFLICT,
                                "silence " + id + " already ended at " + found.endsAt())))
                        .switchIfEmpty(Mono.error(() -> notFound(id)))));
    }

    private static Silence validate(SilenceRequest request, String actor, Instant now) {
        if (request.matchers() == null || request.matchers().isEmpty()) {
            throw badRequest("matchers must hold at least one matcher");
        }
        if (request.matchers().size() > MAX_MATCHERS) {
            throw badRequest("matchers may hold at most " + MAX_MATCHERS + " matchers, not " + request.matchers().size());
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < request.matchers().size(); i++) {
            SilenceRequest.MatcherBody body = request.matchers().get(i);
            if (body == null || body.name() == null || body.value() == null) {
                throw badRequest("matchers[" + i + "] needs a name and a value");
            }
            try {
                matchers.add(new LabelMatcher(body.name(), body.value(), Boolean.TRUE.equals(body.isRegex()),
                        !Boolean.FALSE.equals(body.isEqual())));
            } catch (IllegalArgumentException e) {
                throw badRequest("matchers[" + i + "]: " + e.getMessage());
            }
        }
        if (matchers.stream().allMatch(m -> m.matches(Map.of()))) {
            throw badRequest("the matchers would silence every alert; at least one must require a non-empty label value");
        }
        Instant startsAt = request.startsAt() == null || request.startsAt().isBefore(now) ? now : request.startsAt();
        if (request.endsAt() == null) {
            throw badRequest("endsAt is required: every silence expires");
        }
        if (!request.endsAt().isAfter(startsAt)) {
            throw badRequest("endsAt (" + request.endsAt() + ") must be after the start (" + startsAt + ")");
        }
        if (request.comment() == null || request.comment().isBlank()) {
            throw badRequest("comment is required: say why the alerts are silenced");
        }
        if (request.comment().length() > MAX_COMMENT) {
            throw badRequest("comment is longer than " + MAX_COMMENT + " characters");
        }
        String who = actor == null || actor.isBlank() ? "system" : actor.strip();
        if (who.length() > MAX_ACTOR) {
            throw badRequest(ACTOR_HEADER + " is longer than " + MAX_ACTOR + " characters");
        }
        return new Silence(UUID.randomUUID(), matchers, startsAt, request.endsAt(), who, request.comment().strip(), now,
                now);
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no silence with id " + id);
    }
}
