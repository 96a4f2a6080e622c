package io.adpulse.auth.oauth;

import io.adpulse.auth.web.Actor;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Endpoints of the Login Kit (creator account) authorisation: start (redirect to TikTok, or its URL as
 * JSON) and TikTok's redirect back. Same conventions as the advertiser flow: browsers get redirects and
 * pages, API clients JSON, nothing is cacheable.
 */
@RestController
class CreatorAuthController {

    private final CreatorAuthFlow flow;

    CreatorAuthController(CreatorAuthFlow flow) {
        this.flow = flow;
    }

    /** Starts connecting a TikTok creator account for the signed-in operator. */
    @GetMapping("/api/auth/connections/tiktok-creator/start")
    Mono<ResponseEntity<AuthorizationStart>> start(@RequestHeader(name = Actor.HEADER, required = false) String actor,
            ServerHttpRequest request) {
        String operator = Actor.required(actor);
        return flow.start(operator).map(start -> OAuthAnswers.started(start, request));
    }

    /** Login Kit's redirect after the consent page: {@code code, scopes, state} or {@code error, error_description, state}. */
    @GetMapping("/api/auth/oauth/tiktok-creator/callback")
    Mono<ResponseEntity<Object>> callback(@RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            @RequestHeader(name = Actor.HEADER, required = false) String actor, ServerHttpRequest request) {
        String callingActor = actor == null || actor.isBlank() ? null : Actor.required(actor);
        return flow.complete(CallbackParams.of(null, code, state, error), callingActor)
                .map(connection -> OAuthAnswers.connected(List.of(connection), request));
    }

    @ExceptionHandler(CallbackFailedException.class)
    ResponseEntity<Object> callbackFailed(CallbackFailedException e, ServerHttpRequest request) {
        return OAuthAnswers.failed(e, request);
    }
}
