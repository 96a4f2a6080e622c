package io.adpulse.alerting.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling, as the gateway says (it strips any inbound {@code X-Adpulse-*} header first, so the values can be
 * trusted): {@code X-Adpulse-Roles} (comma separated) and, for a CLIENT user, {@code X-Adpulse-Advertisers} (comma
 * separated), the advertisers of its client's brands. A caller with the CLIENT role sees only alerts labelled with
 * one of those advertisers; without the header it sees none (fail closed). Every other caller sees everything.
 *
 * @param roles         the caller's roles, upper case
 * @param advertiserIds the advertisers a CLIENT caller may see; {@code null} for every other caller
 */
public record Caller(Set<String> roles, Set<String> advertiserIds) {

    public static final String ROLES_HEADER = "X-Adpulse-Roles";
    public static final String ADVERTISERS_HEADER = "X-Adpulse-Advertisers";
    public static final String CLIENT = "CLIENT";

    public static Caller of(HttpHeaders headers) {
        return of(headers.getFirst(ROLES_HEADER), headers.getFirst(ADVERTISERS_HEADER));
    }

    public static Caller of(String roles, String advertisers) {
        Set<String> granted = split(roles).stream().map(r -> r.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(granted, granted.contains(CLIENT) ? split(advertisers) : null);
    }

    private static Set<String> split(String value) {
        return value == null ? Set.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the caller is narrowed to its client's advertisers. */
    public boolean restricted() {
        return advertiserIds != null;
    }

    /** Passes an unrestricted caller; a 403 problem naming {@code what} for a CLIENT user. */
    public Caller refuseClients(String what) {
        if (restricted()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, what + " is not open to the " + CLIENT + " role");
        }
        return this;
    }
}
