package io.adpulse.identity.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling the admin API, as the gateway says: {@code X-Adpulse-Actor} and {@code X-Adpulse-Roles}, the same
 * contract as every other service. The gateway strips any inbound {@code X-Adpulse-*} header first; this service's
 * {@code /api/identity/**} must be reachable only through the gateway (deploy/README.md).
 */
record Caller(String actor, Set<String> roles) {

    static final String ACTOR_HEADER = "X-Adpulse-Actor";
    static final String ROLES_HEADER = "X-Adpulse-Roles";

    static Caller of(String actor, String roles) {
        String name = actor == null || actor.isBlank() ? "system" : actor.strip();
        Set<String> granted = roles == null ? Set.of() : Arrays.stream(roles.split(","))
                .map(String::strip).filter(r -> !r.isEmpty()).map(r -> r.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(name, granted);
    }

    Caller requireAdmin() {
        if (!roles.contains("ADMIN")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "user management needs the role ADMIN (header " + ROLES_HEADER + ")");
        }
        return this;
    }
}
