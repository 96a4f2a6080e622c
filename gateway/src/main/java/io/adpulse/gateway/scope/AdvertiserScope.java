package io.adpulse.gateway.scope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.adpulse.gateway.config.GatewaySettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The advertisers a client's users may see: those of the client's brands, as reporting-service (which owns clients
 * and brands) lists them at {@code GET /api/reporting/brands?clientId=}. Answers are reused for
 * {@code adpulse.gateway.scope.cache-ttl}; a failure or an answer slower than {@code timeout} is an empty list and
 * is not reused, so a client whose advertisers cannot be resolved sees nothing rather than everything.
 */
@Component
public class AdvertiserScope {

    private static final Logger log = LoggerFactory.getLogger(AdvertiserScope.class);
    /** Most clients remembered at once; past it the cache starts over. */
    private static final int MAX_CLIENTS = 10_000;

    private final WebClient reporting;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<String, Mono<List<String>>> cache = new ConcurrentHashMap<>();

    AdvertiserScope(GatewaySettings settings) {
        this.reporting = WebClient.builder().baseUrl(settings.scope().reportingUri()).build();
        this.ttl = settings.scope().cacheTtl();
        this.timeout = settings.scope().timeout();
    }

    /**
     * The client's advertiser ids, sorted; an empty list when it has none or they cannot be resolved. Never an empty
     * {@code Mono}: a missing answer must not let the request through without its scope.
     */
    public Mono<List<String>> advertisersOf(String clientId) {
        if (cache.size() >= MAX_CLIENTS) {
            cache.clear();
        }
        return cache.computeIfAbsent(clientId, this::resolve)
                .onErrorResume(e -> {
                    log.warn("could not resolve the advertisers of client {}; its users see none: {}", clientId,
                            e.toString());
                    return Mono.just(List.of());
                })
                .defaultIfEmpty(List.of());
    }

    private Mono<List<String>> resolve(String clientId) {
        return reporting.get()
                .uri(u -> u.path("/api/reporting/brands").queryParam("clientId", "{client}").build(clientId))
                .header("X-Adpulse-Actor", "gateway")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(BrandList.class)
                .timeout(timeout)
                .map(list -> {
                    TreeSet<String> ids = new TreeSet<>();
                    if (list.brands() != null) {
                        list.brands().stream().filter(b -> clientId.equals(b.clientId()) && b.advertiserIds() != null)
                                .forEach(b -> ids.addAll(b.advertiserIds()));
                    }
                    return List.copyOf(ids);
                })
                .cache(ids -> ttl, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BrandList(List<BrandIds> brands) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BrandIds(String clientId, List<String> advertiserIds) {
    }
}
