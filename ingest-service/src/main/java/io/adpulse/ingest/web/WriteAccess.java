package io.adpulse.ingest.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may change things through ingest-service's API, as the gateway says in {@code X-Adpulse-Roles}: not CLIENT
 * users (they only read their own brands' figures) and not ONCALL users (they acknowledge alerts, they do not act on
 * TikTok). The gateway refuses them first; this is the service's own check.
 */
public final class WriteAccess {

    public static final String ROLES_HEADER = Caller.ROLES_HEADER;
    public static final String ACTOR_HEADER = "X-Adpulse-Actor";
    private static final Set<String> READ_ONLY = Set.of("CLIENT", "ONCALL");

    private WriteAccess() {
    }

    /** Throws 403 when {@code roles} include a read-only role. */
    public static void require(String roles) {
        Set<String> held = roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(String::strip)
                .map(String::toUpperCase).collect(Collectors.toSet());
        if (held.stream().anyMatch(READ_ONLY::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "CLIENT and ONCALL users cannot publish or act on comments.");
        }
    }

    /** The acting user, {@code system} when the gateway named none. */
    public static String actor(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.strip();
    }
}
