package io.adpulse.reporting.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Lets {@code Accept: text/csv} ask for the CSV export of a report: a request under {@code /api/reporting/}
 * without a {@code format} parameter whose most preferred accepted type (highest quality, first listed on a tie) is {@code text/csv} is handled as if
 * it carried {@code format=csv}. Controllers then only look at {@code format}, one place for the rule.
 */
@Component
class ExportNegotiationFilter implements WebFilter {

    private static final String PREFIX = "/api/reporting/";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!request.getPath().value().startsWith(PREFIX) || request.getQueryParams().containsKey("format")
                || !prefersCsv(request.getHeaders().getFirst(HttpHeaders.ACCEPT))) {
            return chain.filter(exchange);
        }
        var uri = UriComponentsBuilder.fromUri(request.getURI()).queryParam("format", "csv").build(true).toUri();
        return chain.filter(exchange.mutate().request(r -> r.uri(uri)).build());
    }

    private static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            MediaType preferred = null;
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (preferred == null || type.getQualityValue() > preferred.getQualityValue()) {
                    preferred = type;
                }
            }
            return preferred != null && "text".equals(preferred.getType()) && "csv".equals(preferred.getSubtype());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
