package io.adpulse.sandbox.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adpulse.sandbox.config.SandboxProperties;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations;
import io.adpulse.sandbox.loginkit.Creators;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Test-only control of webhooks (not part of TikTok's API): {@code PUT /sandbox/webhooks/callback} sets the app's
 * callback URL; {@code POST /sandbox/webhooks} sends a notification now (optionally several copies, or signed badly,
 * stale or not at all) and answers how each was received; {@code GET /sandbox/webhooks} lists recent attempts;
 * {@code GET /sandbox/creators} lists the creator accounts; {@code POST /sandbox/creators/{openId}/deauthorize} plays a user removing the app in TikTok: every grant of that
 * user ends and {@code authorization.removed} is delivered (with TikTok's retries).
 */
@RestController
class WebhookController {

    /** TikTok's {@code authorization.removed} reasons (0 unknown … 5 developer revoked). */
    private static final int MAX_REASON = 5;

    record Callback(URI url) {
    }

    /**
     * A notification to send.
     *
     * @param event      TikTok's event name, e.g. {@code post.publish.complete}
     * @param userOpenId the user it concerns
     * @param content    the content object (sent double-encoded, as TikTok does)
     * @param copies     identical deliveries to send (default 1)
     * @param signature  VALID (default), BAD, STALE or MISSING
     */
    record SendRequest(@NotBlank String event, @JsonProperty("user_openid") String userOpenId,
                       Map<String, Object> content, @Min(1) @Max(10) Integer copies,
                       WebhookSender.Signature signature) {
    }

    private final WebhookSender sender;
    private final CreatorAuthorizations authorizations;
    private final Creators creators;
    private final SandboxProperties properties;

    WebhookController(WebhookSender sender, CreatorAuthorizations authorizations, Creators creators,
            SandboxProperties properties) {
        this.sender = sender;
        this.authorizations = authorizations;
        this.creators = creators;
        this.properties = properties;
    }

    @PutMapping("/sandbox/webhooks/callback")
    Callback setCallback(@RequestBody Callback callback) {
        if (callback.url() != null && (callback.url().getScheme() == null
                || !callback.url().getScheme().matches("https?"))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "url must be an http or https URL");
        }
        sender.callbackUrl(callback.url());
        return new Callback(sender.callbackUrl().orElse(null));
    }

    @GetMapping("/sandbox/webhooks")
    Map<String, Object> attempts() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("callback_url", sender.callbackUrl().orElse(null));
        answer.put("attempts", sender.attempts());
        return answer;
    }

    @PostMapping("/sandbox/webhooks")
    Mono<List<WebhookSender.Attempt>> send(@Valid @RequestBody SendRequest request) {
        if (sender.callbackUrl().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "No callback URL is set; PUT /sandbox/webhooks/callback first");
        }
        WebhookSender.Notification notification = sender.notification(request.event(),
                request.userOpenId() == null ? "" : request.userOpenId(),
                request.content() == null ? Map.of() : request.content());
        return sender.send(notification, request.copies() == null ? 1 : request.copies(),
                request.signature() == null ? WebhookSender.Signature.VALID : request.signature());
    }

    /** The sandbox's TikTok creator accounts (who can approve a Login Kit authorization). */
    @GetMapping("/sandbox/creators")
    List<Map<String, String>> creators() {
        return creators.all().stream()
                .map(c -> Map.of("open_id", c.openId(), "display_name", c.displayName(), "username", c.username()))
                .toList();
    }

    @PostMapping("/sandbox/creators/{openId}/deauthorize")
    Map<String, Object> deauthorize(@PathVariable String openId, @RequestParam(defaultValue = "1") int reason) {
        if (creators.byOpenId(openId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No sandbox creator '" + openId + "'");
        }
        if (reason < 0 || reason > MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "reason must be 0 to " + MAX_REASON);
        }
        int ended = authorizations.revokeUser(properties.appId(), openId);
        sender.deliver(sender.notification("authorization.removed", openId, Map.of("reason", reason)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("open_id", openId);
        answer.put("grants_ended", ended);
        answer.put("webhook", sender.callbackUrl().isPresent() ? "sending" : "no callback URL set");
        return answer;
    }
}
