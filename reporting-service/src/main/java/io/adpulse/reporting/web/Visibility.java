package io.adpulse.reporting.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * What the caller of the current request may see. Every caller sees everything ({@link #ALL}) except a CLIENT
 * user ({@code CLIENT} in {@code X-Adpulse-Roles}), who sees only its own client ({@code X-Adpulse-Client}), that
 * client's brands and the advertisers of those brands, as this service's own brand tables say at the time of the
 * request. A CLIENT request that names no client sees nothing. The request's visibility travels in the Reactor
 * context ({@link #current()}), set once per request by the brand package's filter, so that the advertiser
 * directory, the report selections and the brand, roll-up and report look-ups narrow every answer in one place.
 * Work outside a request (schedules, listeners) has no visibility in its context and sees everything.
 *
 * @param clientId      the one client a restricted caller sees, {@code null} for none (or when unrestricted)
 * @param advertiserIds the advertisers a restricted caller sees, sorted; {@code null} when unrestricted
 */
public record Visibility(String clientId, Set<String> advertiserIds) {

    /** Header naming a CLIENT user's client, set by the gateway. */
    public static final String CLIENT_HEADER = "X-Adpulse-Client";
    /** The role that is narrowed to its own client. */
    public static final String CLIENT_ROLE = "CLIENT";
    /** An unrestricted caller. */
    public static final Visibility ALL = new Visibility(null, null);

    private static final Object KEY = Visibility.class;

    public Visibility {
        advertiserIds = advertiserIds == null ? null : Set.copyOf(new TreeSet<>(advertiserIds));
    }

    /** A CLIENT caller that sees the client and its advertisers; {@code clientId} {@code null} sees nothing. */
    public static Visibility client(String clientId, List<String> advertiserIds) {
        return new Visibility(clientId, clientId == null ? Set.of() : Set.copyOf(advertiserIds));
    }

    /** The visibility of the request being served; {@link #ALL} outside a request. */
    public static Mono<Visibility> current() {
        return Mono.deferContextual(ctx -> Mono.just(of(ctx)));
    }

    /** The visibility in a Reactor context; {@link #ALL} when it carries none. */
    public static Visibility of(ContextView ctx) {
        return ctx.getOrDefault(KEY, ALL);
    }

    /** The context key under which a request's visibility is kept. */
    public static Object key() {
        return KEY;
    }

    /** Completes for an unrestricted caller; a 403 problem saying why for a CLIENT user, who may not read {@code what}. */
    public static Mono<Void> refuseClients(String what) {
        return current().flatMap(v -> v.restricted()
                ? Mono.<Void>error(new ResponseStatusException(HttpStatus.FORBIDDEN, what + " is not open to the "
                        + CLIENT_ROLE + " role"))
                : Mono.<Void>empty());
    }

    /** Whether this caller is narrowed to one client. */
    public boolean restricted() {
        return advertiserIds != null;
    }

    /** Whether the caller may see the advertiser. */
    public boolean sees(String advertiserId) {
        return advertiserIds == null || advertiserIds.contains(advertiserId);
    }

    /** Whether the caller may see the client (and so its brands and reports). */
    public boolean seesClient(String client) {
        return !restricted() || (clientId != null && clientId.equals(client));
    }

    /** The visible advertisers, sorted; only for a restricted caller. */
    public List<String> sortedAdvertiserIds() {
        return List.copyOf(new TreeSet<>(advertiserIds));
    }
}
