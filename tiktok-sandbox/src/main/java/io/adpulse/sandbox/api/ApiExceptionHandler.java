package io.adpulse.sandbox.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers errors of TikTok endpoints the way TikTok does: HTTP 200, a non-zero {@code code}, the message and an
 * empty {@code data}. Anything unexpected becomes TikTok's {@code 50000 System error.}; its details go to the
 * log, never to the caller. It runs before Spring's problem-details handler so that TikTok paths never answer
 * {@code application/problem+json}; input Spring itself rejects is TikTok's {@code 40002}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = TikTokApi.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    Envelope onApiError(ApiException error, ServerWebExchange exchange) {
        return Envelope.error(RequestIds.of(exchange), error.code(), error.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    Envelope onBadInput(ServerWebInputException error, ServerWebExchange exchange) {
        return Envelope.error(RequestIds.of(exchange), ApiError.PARAM_ERROR.code(),
                ApiError.PARAM_ERROR.message() + " " + error.getReason());
    }

    @ExceptionHandler(Exception.class)
    Envelope onUnexpected(Exception error, ServerWebExchange exchange) {
        String requestId = RequestIds.of(exchange);
        log.error("unexpected failure answering {} (request {})", exchange.getRequest().getPath(), requestId, error);
        return Envelope.error(requestId, ApiError.SYSTEM_ERROR.code(), ApiError.SYSTEM_ERROR.message());
    }
}
