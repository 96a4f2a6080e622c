package io.adpulse.auth.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which representation a caller wants. Browsers (Accept listing {@code text/html}) get pages and
 * redirects; API clients that name {@code application/json} get JSON. Wildcards decide nothing.
 */
public final class Negotiation {

    private Negotiation() {
    }

    /** True when the caller explicitly accepts HTML, as browsers do. */
    public static boolean wantsHtml(ServerHttpRequest request) {
        return accepted(request).stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype())
                        && type.getQualityValue() > 0);
    }

    /** True when the caller explicitly accepts JSON and not HTML. */
    public static boolean wantsJson(ServerHttpRequest request) {
        return !wantsHtml(request) && accepted(request).stream()
                .anyMatch(type -> (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                        || type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                        && type.getQualityValue() > 0);
    }

    private static List<MediaType> accepted(ServerHttpRequest request) {
        try {
            return request.getHeaders().getAccept();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
