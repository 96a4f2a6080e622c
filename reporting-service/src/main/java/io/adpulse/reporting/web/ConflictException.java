package io.adpulse.reporting.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The request conflicts with the stored state (a duplicate name, a brand still in use): a 409 problem. */
public class ConflictException extends ResponseStatusException {

    public ConflictException(String reason) {
        super(HttpStatus.CONFLICT, reason);
    }
}
