package io.adpulse.auth.oauth;

import io.adpulse.auth.connection.web.ConnectionView;
import io.adpulse.auth.web.Actor;
import io.adpulse.auth.web.Negotiation;
import io.adpulse.auth.web.Problems;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Endpoints of the API for Business authorisation: start (redirect to TikTok, or its URL as JSON)
 * and TikTok's redirect back. Browsers get a redirect and small pages, API clients JSON. Responses
 * are not cacheable: they carry one-time values.
 */
@RestController
class BusinessAuthController {

    private final BusinessAuthFlow flow;

    BusinessAuthController(BusinessAuthFlow flow) {
        this.flow = flow;
    }

    /** Starts connecting advertiser accounts for the signed-in operator. */
    @GetMapping("/api/auth/connections/tiktok-business/start")
    Mono<ResponseEntity<AuthorizationStart>> start(@RequestHeader(name = Actor.HEADER, required = false) String actor,
            ServerHttpRequest request) {
        String operator = Actor.required(actor);
        return flow.start(operator).map(start -> Negotiation.wantsJson(request)
                ? ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(start)
                : ResponseEntity.status(HttpStatus.FOUND).cacheControl(CacheControl.noStore())
                        .location(start.authorizeUrl()).build());
    }

    /** TikTok's redirect after the consent page. */
    @GetMapping("/api/auth/oauth/tiktok-business/callback")
    Mono<ResponseEntity<Object>> callback(@RequestParam(name = "auth_code", required = false) String authCode,
            @RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            @RequestHeader(name = Actor.HEADER, required = false) String actor, ServerHttpRequest request) {
        String callingActor = actor == null || actor.isBlank() ? null : Actor.required(actor);
        return flow.complete(CallbackParams.of(authCode, code, state, error), callingActor)
                .map(connections -> Negotiation.wantsHtml(request)
                        ? ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                                .body((Object) CallbackPages.connected(connections))
                        : ResponseEntity.ok().cacheControl(CacheControl.noStore())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body((Object) new ConnectedAccounts(connections.stream().map(ConnectionView::of)
                                        .toList())));
    }

    @ExceptionHandler(CallbackFailedException.class)
    ResponseEntity<Object> callbackFailed(CallbackFailedException e, ServerHttpRequest request) {
        CallbackFailure failure = e.failure();
        if (Negotiation.wantsHtml(request)) {
            return ResponseEntity.status(failure.status()).cacheControl(CacheControl.noStore())
                    .contentType(MediaType.TEXT_HTML).body(CallbackPages.failed(failure, e.getMessage()));
        }
        return Problems.response(Problems.problem(failure.status(), failure.slug(), failure.title(), e.getMessage()));
    }

    /** JSON answer of a successful callback. */
    record ConnectedAccounts(List<ConnectionView> connections) {
    }
}
