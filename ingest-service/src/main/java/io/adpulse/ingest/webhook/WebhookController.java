package io.adpulse.ingest.webhook;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The public endpoint TikTok posts webhooks to ({@code POST /webhooks/tiktok}, reached through the gateway without
 * sign-in: the signature is the credential). Answers 200 as soon as the notification is stored (TikTok retries
 * anything else for 72 hours), 200 for a duplicate too, 401 for a missing, wrong or stale signature, 400 for a body
 * that cannot be read, 413 for one that is too large, 503 when the inbox's database cannot be reached (TikTok
 * delivers again); every refusal is a problem document with the reason.
 */
@RestController
class WebhookController {

    static final String PATH = "/webhooks/tiktok";
    /** Seconds a sender is asked to wait before delivering again when the inbox cannot be reached. */
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookService webhooks;
    private final int maxBodyBytes;

    WebhookController(WebhookService webhooks, WebhookSettings settings) {
        this.webhooks = webhooks;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @PostMapping(PATH)
    Mono<Map<String, Object>> receive(@RequestHeader(name = SignatureVerifier.HEADER, required = false) String signature,
            ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new WebhookRejectedException(
                        HttpStatus.CONTENT_TOO_LARGE, "too_large", "The body is larger than " + maxBodyBytes
                                + " bytes."))
                .flatMap(body -> webhooks.receive(signature, body))
                .map(accepted -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("status", accepted.duplicate() ? "duplicate" : "accepted");
                    answer.put("deliveryId", accepted.deliveryId());
                    answer.put("event", accepted.event());
                    return answer;
                });
    }

    /** The database is away (restarting, failing over): not stored, so not acknowledged; TikTok retries. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> inboxUnavailable(DataAccessResourceFailureException e) {
        log.warn("Webhook not stored, the inbox's database cannot be reached ({}); the sender will deliver again",
                e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The notification could not be stored right now; deliver it again later.");
        problem.setType(URI.create("https://adpulse.io/problems/webhook-inbox-unavailable"));
        problem.setTitle("Webhook not stored");
        problem.setProperty("reason", "inbox_unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create("https://adpulse.io/problems/webhook-" + e.reason().replace('_', '-')));
        problem.setTitle(e.status() == HttpStatus.UNAUTHORIZED ? "Webhook signature refused"
                : e.status() == HttpStatus.CONTENT_TOO_LARGE ? "Webhook too large" : "Webhook body refused");
        problem.setProperty("reason", e.reason());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
