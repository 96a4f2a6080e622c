package io.adpulse.auth.oauth;

import java.util.List;

import io.adpulse.auth.connection.Connection;
import io.adpulse.auth.connection.web.ConnectionView;
import io.adpulse.auth.web.Negotiation;
import io.adpulse.auth.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The answers both OAuth flows (API for Business and Login Kit) give: browsers get a redirect and small pages, API
 * clients JSON. None is cacheable: they carry one-time values.
 */
final class OAuthAnswers {

    private OAuthAnswers() {
    }

    /** The start of a flow: a redirect to TikTok's consent page, or its URL as JSON. */
    static ResponseEntity<AuthorizationStart> started(AuthorizationStart start, ServerHttpRequest request) {
        return Negotiation.wantsJson(request)
                ? ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(start)
                : ResponseEntity.status(HttpStatus.FOUND).cacheControl(CacheControl.noStore())
                        .location(start.authorizeUrl()).build();
    }

    /** A successful callback: a page naming the connected accounts, or them as JSON. */
    static ResponseEntity<Object> connected(List<Connection> connections, ServerHttpRequest request) {
        return Negotiation.wantsHtml(request)
                ? ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                        .body(CallbackPages.connected(connections))
                : ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                        .body(new ConnectedAccounts(connections.stream().map(ConnectionView::of).toList()));
    }

    /** A failed callback: a page saying what went wrong, or a problem document. */
    static ResponseEntity<Object> failed(CallbackFailedException e, ServerHttpRequest request) {
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
