package io.adpulse.auth.web;

import io.adpulse.auth.connection.ConnectionNotFoundException;
import io.adpulse.auth.privacy.ErasureNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into RFC 9457 problems. Framework errors (bad parameters, unknown paths, wrong
 * methods) come out as problems through the base class; anything unexpected becomes a 500 problem
 * with a generic detail, logged here and never echoed to the caller.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(MissingActorException.class)
    ResponseEntity<Object> missingActor(MissingActorException e) {
        return Problems.response(Problems.problem(HttpStatus.UNAUTHORIZED, "missing-actor", "No signed-in user",
                e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        return Problems.response(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage()));
    }

    @ExceptionHandler(ConnectionNotFoundException.class)
    ResponseEntity<Object> notFound(ConnectionNotFoundException e) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "connection-not-found", "Unknown connection",
                e.getMessage()));
    }

    @ExceptionHandler(ErasureNotFoundException.class)
    ResponseEntity<Object> erasureNotFound(ErasureNotFoundException e) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "erasure-not-found", "Unknown erasure request",
                e.getMessage()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException e) {
        log.error("Request failed unexpectedly", e);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "auth-service could not complete the request; see its logs"));
    }
}
