package io.adpulse.audit.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Bad input from the caller: a 400 problem whose {@code detail} is the reason. */
public class InvalidRequestException extends ResponseStatusException {

    public InvalidRequestException(String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
    }
}
