package io.adpulse.reporting.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling, as the gateway says: {@code X-Adpulse-Actor} (user name, {@code system} when absent) and
 * {@code X-Adpulse-Roles} (comma separated). The gateway strips any inbound {@code X-Adpulse-*} header first,
 * so the values can be trusted.
 */
public record Caller(String actor, Set<String> roles) {

    /** Header carrying the signed-in user's name. */
    public static final String ACTOR_HEADER = "X-Adpulse-Actor";
    /** Header carrying the signed-in user's roles. */
    public static final String ROLES_HEADER = "X-Adpulse-Roles";
    /** Role that may change brands, clients and FX rates. */
    public static final String ADMIN = "ADMIN";
    /** Role that may re-generate reports. */
    public static final String OPERATOR = "OPERATOR";

    private static final int MAX_ACTOR = 128;

    public static Caller of(String actor, String roles) {
        String name = actor == null || actor.isBlank() ? "system" : Texts.echo(actor.strip(), MAX_ACTOR - 1);
        Set<String> granted = roles == null ? Set.of() : Arrays.stream(roles.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .map(r -> r.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(name, granted);
    }

    /** Passes when the caller holds one of {@code anyOf}; otherwise a 403 problem naming them. */
    public Caller require(String... anyOf) {
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return this;
            }
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this operation needs the role "
                + String.join(" or ", anyOf) + " (header " + ROLES_HEADER + ")");
    }
}
