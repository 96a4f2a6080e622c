package io.adpulse.sandbox.webhook;

import io.adpulse.sandbox.config.SandboxProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts webhooks to the app's callback URL as TikTok does: JSON body {@code {client_key, event, create_time,
 * user_openid, content}} with {@code content} a JSON <em>string</em>, signed in {@code TikTok-Signature}. TikTok
 * retries a delivery that was not answered 2xx with exponential backoff (for up to 72 hours; here a few attempts
 * over about a minute). Every attempt is recorded for {@code GET /sandbox/webhooks}; secrets are not.
 */
@Component
public class WebhookSender {

    /** How a delivery is signed: correctly, with a wrong secret, with a timestamp 10 minutes old, or not at all. */
    public enum Signature {
        VALID, BAD, STALE, MISSING
    }

    /** A notification TikTok would send. */
    public record Notification(String event, String userOpenId, Map<String, Object> content, long createTime) {
    }

    /** One POST to the callback URL and how it was answered ({@code status} null when it never got an answer). */
    public record Attempt(String event, String userOpenId, int attempt, Signature signature, Integer status,
                          String error, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int KEPT_ATTEMPTS = 1_000;
    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SandboxProperties properties;
    private final Clock clock;
    private final WebClient http = WebClient.create();
    private final AtomicReference<URI> callback;
    private final Deque<Attempt> attempts = new ArrayDeque<>();

    WebhookSender(SandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        String configured = properties.webhookUrl();
        this.callback = new AtomicReference<>(configured == null || configured.isBlank() ? null : URI.create(configured));
    }

    public Optional<URI> callbackUrl() {
        return Optional.ofNullable(callback.get());
    }

    /** Sets the callback URL (TikTok: Developer Portal → Webhooks); {@code null} stops sending. */
    public void callbackUrl(URI url) {
        callback.set(url);
    }

    /** A notification created now. */
    public Notification notification(String event, String userOpenId, Map<String, Object> content) {
        return new Notification(event, userOpenId, content, clock.instant().getEpochSecond());
    }

    /**
     * Delivers in the background and retries until answered 2xx or the attempts run out, as TikTok does; nothing
     * is sent while no callback URL is set.
     */
    public void deliver(Notification notification) {
        attempt(notification, Signature.VALID, 1)
                .expand(previous -> previous.status() != null && previous.status() / 100 == 2
                        || previous.attempt() > RETRY_DELAYS.size() || previous.error() != null
                        && previous.error().startsWith("no callback") ? Mono.empty()
                        : Mono.delay(RETRY_DELAYS.get(previous.attempt() - 1))
                                .then(attempt(notification, Signature.VALID, previous.attempt() + 1)))
                .subscribe(null, e -> log.warn("Webhook {} could not be delivered: {}", notification.event(),
                        e.toString()));
    }

    /** Sends {@code copies} identical deliveries one after another, signed as asked; the answers in order. */
    public Mono<List<Attempt>> send(Notification notification, int copies, Signature signature) {
        return Flux.range(1, copies).concatMap(copy -> attempt(notification, signature, copy)).collectList();
    }

    /** The most recent attempts, newest last. */
    public synchronized List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    private Mono<Attempt> attempt(Notification notification, Signature signature, int number) {
        URI url = callback.get();
        if (url == null) {
            return Mono.just(record(new Attempt(notification.event(), notification.userOpenId(), number, signature,
                    null, "no callback URL set", clock.instant())));
        }
        byte[] body = body(notification);
        WebClient.RequestBodySpec request = http.post().uri(url).contentType(MediaType.APPLICATION_JSON);
        String header = header(signature, body);
        if (header != null) {
            request.header("TikTok-Signature", header);
        }
        return request.bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(TIMEOUT)
                .map(status -> new Attempt(notification.event(), notification.userOpenId(), number, signature, status,
                        null, clock.instant()))
                .onErrorResume(e -> Mono.just(new Attempt(notification.event(), notification.userOpenId(), number,
                        signature, null, e.getClass().getSimpleName(), clock.instant())))
                .map(this::record);
    }

    /** The body exactly as TikTok sends it: {@code content} is a JSON object serialised into a string. */
    byte[] body(Notification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_key", properties.appId());
        body.put("event", notification.event());
        body.put("create_time", notification.createTime());
        body.put("user_openid", notification.userOpenId());
        body.put("content", JSON.writeValueAsString(notification.content()));
        return JSON.writeValueAsBytes(body);
    }

    private String header(Signature signature, byte[] body) {
        long now = clock.instant().getEpochSecond();
        return switch (signature) {
            case VALID -> sign(properties.appSecret(), now, body);
            case BAD -> sign(properties.appSecret() + "-wrong", now, body);
            case STALE -> sign(properties.appSecret(), now - 600, body);
            case MISSING -> null;
        };
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + timestamp + ",s=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private synchronized Attempt record(Attempt attempt) {
        attempts.addLast(attempt);
        while (attempts.size() > KEPT_ATTEMPTS) {
            attempts.removeFirst();
        }
        return attempt;
    }
}
