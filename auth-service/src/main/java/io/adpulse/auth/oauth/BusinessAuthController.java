package io.adpulse.auth.oauth;

import io.adpulse.auth.web.Actor;
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
        return flow.start(operator).map(start -> OAuthAnswers.started(start, request));
    }

    /** TikTok's redirect after the consent page. */
    @GetMapping("/api/auth/oauth/tiktok-business/callback")
    Mono<ResponseEntity<Object>> callback(@RequestParam(name = "auth_code", required = false) String authCode,
            @RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            @RequestHeader(name = Actor.HEADER, required = false) String actor, ServerHttpRequest request) {
        String callingActor = actor == null || actor.isBlank() ? null : Actor.required(actor);
        return flow.complete(CallbackParams.of(authCode, code, state, error), callingActor)
                .map(connections -> OAuthAnswers.connected(connections, request));
    }

    @ExceptionHandler(CallbackFailedException.class)
    ResponseEntity<Object> callbackFailed(CallbackFailedException e, ServerHttpRequest request) {
        return OAuthAnswers.failed(e, request);
    }
}
