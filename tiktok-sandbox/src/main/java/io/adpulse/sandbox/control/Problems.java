package io.adpulse.sandbox.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bad input to the control API. Unlike TikTok's endpoints these answer RFC 9457 problem details (Spring's handler
 * is on, {@code spring.webflux.problemdetails.enabled}), with the reason in {@code detail}.
 */
final class Problems {

    private Problems() {
    }

    static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }

    static String required(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw badRequest(name + " is required.");
        }
        return raw.trim();
    }

    static LocalDate date(String name, String raw) {
        try {
            return LocalDate.parse(required(name, raw));
        } catch (DateTimeParseException malformed) {
            throw badRequest(name + " must be a date like 2026-03-18, got '" + raw + "'.");
        }
    }
}
