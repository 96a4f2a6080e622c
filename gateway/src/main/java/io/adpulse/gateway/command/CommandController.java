package io.adpulse.gateway.command;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.events.TransitCipher;
import io.adpulse.gateway.scope.AdvertiserScope;
import io.adpulse.gateway.scope.ClientScope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/commands}: an operator's write to TikTok. Only ADMIN and OPERATOR reach it (SecurityConfig); a
 * caller with the CLIENT role besides is narrowed to its client's advertisers. The {@code Idempotency-Key} header is
 * the command id: the same key with the same command answers the same 202 again (and nothing is executed twice:
 * ingest-service runs a command id at most once); the same key with another command is a 422 problem. Keys are
 * remembered here for {@code adpulse.gateway.commands.key-ttl}, and beyond that (another gateway instance, a restart)
 * looked up at ingest-service. A valid command is published on {@code tiktok.commands.v1} (keyed by connection id)
 * and answered with 202, its id and a {@code Location} to read its status and result at ingest-service. Credentials
 * among its parameters ({@link CommandRequested#SECRET_PARAMETERS}) are sealed with the transit keys for the command
 * id before they go on the topic.
 */
@RestController
class CommandController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String SOURCE = "/adpulse/gateway";
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");
    private static final Logger log = LoggerFactory.getLogger(CommandController.class);
    private static final int MAX_REMEMBERED = 10_000;
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final ClientScope clients;
    private final AdvertiserScope advertisers;
    private final WebClient ingest;
    private final Duration keyTtl;
    private final TransitCipher transit;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    CommandController(KafkaTemplate<String, byte[]> kafka, EventCodec codec, ClientScope clients,
            AdvertiserScope advertisers,
            @Value("${adpulse.gateway.commands.ingest-uri:${ADPULSE_INGEST_URI:http://localhost:8082}}") String ingestUri,
            @Value("${adpulse.gateway.commands.key-ttl:PT24H}") Duration keyTtl,
            @Value("${adpulse.gateway.transit-keys}") String transitKeys) {
        this.kafka = kafka;
        this.codec = codec;
        this.clients = clients;
        this.advertisers = advertisers;
        this.ingest = WebClient.builder().baseUrl(ingestUri).build();
        this.keyTtl = keyTtl;
        this.transit = TransitCipher.parse(transitKeys);
    }

    /** The answer to an accepted command. */
    record CommandAccepted(String commandId, String status, String kind, String connectionId, String advertiserId,
            boolean dryRun, String location) {
    }

    /** A key this instance accepted: the command's fingerprint, the answer given and when it expires. */
    private record Accepted(String fingerprint, CommandAccepted answer, Instant until) {
    }

    @PostMapping(path = "/api/commands", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ResponseEntity<Object>> submit(@RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
            @RequestParam(required = false) Boolean dryRun, @RequestBody(required = false) byte[] body,
            Principal principal) {
        if (key == null || key.isBlank()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "The " + IDEMPOTENCY_KEY + " header is required: a unique"
                    + " id of this command (8-128 letters, digits or . _ : -), the same on every retry."));
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "The " + IDEMPOTENCY_KEY + " must be 8-128 letters,"
                    + " digits or . _ : - characters."));
        }
        CommandForm form;
        try {
            form = CommandForm.parse(body, dryRun);
        } catch (InvalidCommandException e) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        Authentication auth = (Authentication) principal;
        String actor = auth.getName();
        String fingerprint = form.fingerprint(actor);
        CommandForm command = form;
        return scopeProblem(auth, form.advertiserId())
                .switchIfEmpty(Mono.defer(() -> accept(key, command, actor, fingerprint)));
    }

    /** A 403 when a CLIENT-scoped caller names an advertiser outside its client's. */
    private Mono<ResponseEntity<Object>> scopeProblem(Authentication auth, String advertiserId) {
        if (!ClientScope.isClient(auth)) {
            return Mono.empty();
        }
        return clients.clientOf(auth).map(advertisers::advertisersOf).orElse(Mono.just(List.of()))
                .flatMap(ids -> ids.contains(advertiserId) ? Mono.empty()
                        : Mono.just(problem(HttpStatus.FORBIDDEN, "You may only issue commands for your client's"
                                + " advertisers; " + advertiserId + " is not one of them.")));
    }

    private Mono<ResponseEntity<Object>> accept(String key, CommandForm form, String actor, String fingerprint) {
        Instant now = clock.instant();
        CommandAccepted answer = new CommandAccepted(key, "ACCEPTED", form.kind(), form.connectionId(),
                form.advertiserId(), form.dryRun(), location(key));
        forgetExpired(now);
        Accepted mine = new Accepted(fingerprint, answer, now.plus(keyTtl));
        Accepted earlier = accepted.putIfAbsent(key, mine);
        if (earlier != null) {
            return Mono.just(replay(key, earlier.fingerprint(), fingerprint, earlier.answer()));
        }
        return knownAtIngest(key)
                .flatMap(known -> {
                    accepted.remove(key, mine);
                    return Mono.just(replay(key, known, fingerprint, answer));
                })
                .switchIfEmpty(Mono.defer(() -> publish(key, form, actor, fingerprint, now)
                        .thenReturn(ResponseEntity.accepted().location(URI.create(answer.location()))
                                .contentType(MediaType.APPLICATION_JSON).body((Object) answer))
                        .onErrorResume(e -> {
                            accepted.remove(key, mine);
                            log.warn("Command {} ({}) could not be published: {}", key, form.kind(), e.toString());
                            return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, "The command could not be"
                                    + " queued; nothing was sent to TikTok. Try again with the same "
                                    + IDEMPOTENCY_KEY + "."));
                        })));
    }

    private ResponseEntity<Object> replay(String key, String knownFingerprint, String fingerprint,
            CommandAccepted answer) {
        if (!knownFingerprint.equals(fingerprint)) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "The " + IDEMPOTENCY_KEY + " " + key + " was already used"
                    + " for another command; use a new key for a new command.");
        }
        return ResponseEntity.accepted().location(URI.create(answer.location())).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").body(answer);
    }

    /** The fingerprint ingest-service recorded for {@code key}; empty when it has none or cannot be asked. */
    private Mono<String> knownAtIngest(String key) {
        return ingest.get().uri("/api/ingest/commands/{id}", key)
                .header("X-Adpulse-Actor", "gateway")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(Known.class)
                .timeout(LOOKUP_TIMEOUT)
                .flatMap(known -> known.fingerprint() == null ? Mono.empty() : Mono.just(known.fingerprint()))
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.empty())
                .onErrorResume(e -> {
                    log.info("Could not ask ingest-service whether command {} is known ({}); relying on its own"
                            + " at-most-once execution", key, e.toString());
                    return Mono.empty();
                });
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Known(String fingerprint) {
    }

    /** {@code parameters} with every credential sealed for command {@code commandId}. */
    private Map<String, Object> sealed(Map<String, Object> parameters, String commandId) {
        Map<String, Object> sealed = new LinkedHashMap<>(parameters);
        sealed.replaceAll((name, value) -> CommandRequested.SECRET_PARAMETERS.contains(name)
                && value instanceof String text ? CommandRequested.SealedParameter.seal(transit, text, commandId).toJson()
                : value);
        return sealed;
    }

    private Mono<Void> publish(String key, CommandForm form, String actor, String fingerprint, Instant now) {
        CommandRequested data = new CommandRequested(key, form.kind(), form.connectionId(), form.advertiserId(), actor,
                form.dryRun(), sealed(form.parameters(), key), fingerprint, now);
        EventEnvelope<CommandRequested> event = EventEnvelope.of(SOURCE, data.connectionId(), now, data, key,
                fingerprint);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS, event.subject(),
                codec.encode(event));
        record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        // KafkaTemplate.send may block for up to max.block.ms: never on the event loop.
        return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic())
                .timeout(SEND_TIMEOUT)
                .publishOn(Schedulers.parallel())
                .doOnNext(sent -> log.info("Command {} ({}) of {} for advertiser {} queued{}", key, form.kind(), actor,
                        form.advertiserId(), form.dryRun() ? " as a dry run" : ""))
                .then();
    }

    private void forgetExpired(Instant now) {
        if (accepted.size() >= MAX_REMEMBERED) {
            accepted.values().removeIf(a -> a.until().isBefore(now));
            if (accepted.size() >= MAX_REMEMBERED) {
                accepted.clear();
            }
        }
    }

    static String location(String key) {
        return "/api/ingest/commands/" + key;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", problem.getDetail());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
