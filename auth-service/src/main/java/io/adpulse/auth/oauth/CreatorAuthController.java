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
        return flow.start(operator).map(start -> Negotiation.wantsJson(request)
                ? ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(start)
                : ResponseEntity.status(HttpStatus.FOUND).cacheControl(CacheControl.noStore())
                        .location(start.authorizeUrl()).build());
    }

    /** Login Kit's redirect after the consent page: {@code code, scopes, state} or {@code error, error_description, state}. */
    @GetMapping("/api/auth/oauth/tiktok-creator/callback")
    Mono<ResponseEntity<Object>> callback(@RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            @RequestHeader(name = Actor.HEADER, required = false) String actor, ServerHttpRequest request) {
        String callingActor = actor == null || actor.isBlank() ? null : Actor.required(actor);
        return flow.complete(CallbackParams.of(null, code, state, error), callingActor)
                .map(connection -> Negotiation.wantsHtml(request)
                        ? ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                                .body((Object) CallbackPages.connected(List.of(connection)))
                        : ResponseEntity.ok().cacheControl(CacheControl.noStore())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body((Object) new BusinessAuthController.ConnectedAccounts(
                                        List.of(ConnectionView.of(connection)))));
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
}
