package io.adpulse.ingest.tiktok;

import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.EventEnvelope;
import io.adpulse.ingest.publish.EventPublisher;
import io.adpulse.ingest.sync.CallOrigin;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes {@code ApiErrorOccurred} on {@code tiktok.api-errors.v1}, keyed by connection id, once for each
 * connection a finally failed call was made for, so alerting (API-error alerts) and auth-service (revoked
 * tokens, 40105) can react. A failure to publish is logged and does not hide the original failure.
 */
@Component
class ApiErrorReporter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorReporter.class);

    private final EventPublisher publisher;
    private final Clock clock;

    ApiErrorReporter(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    Mono<Void> report(String endpoint, List<CallOrigin> origins, Throwable failure) {
        Instant at = clock.instant();
        return Flux.fromIterable(origins)
                .concatMap(origin -> publisher.publish(event(endpoint, origin, failure, at)))
                .onErrorResume(e -> {
                    log.error("ApiErrorOccurred for {} could not be published", endpoint, e);
                    return Mono.empty();
                })
                .then();
    }

    private static EventEnvelope<ApiErrorOccurred> event(String endpoint, CallOrigin origin, Throwable failure,
            Instant at) {
        ApiErrorOccurred data;
        if (failure instanceof TikTokApiException api) {
            data = new ApiErrorOccurred(origin.connectionId(), origin.advertiserId(), endpoint, api.code(),
                    api.getMessage(), api.httpStatus(), api.retryable(), api.requestId(), at);
        } else if (failure instanceof CallNotPermittedException) {
            data = new ApiErrorOccurred(origin.connectionId(), origin.advertiserId(), endpoint,
                    TikTokApiException.NO_CODE, "circuit breaker for " + endpoint + " is open after repeated"
                    + " TikTok-side failures; calls are rejected until it probes again", 0, true, null, at,
                    ApiErrorOccurred.CIRCUIT_BREAKER);
        } else if (failure instanceof RequestNotPermitted) {
            data = new ApiErrorOccurred(origin.connectionId(), origin.advertiserId(), endpoint,
                    TikTokApiException.NO_CODE, "no TikTok rate-limit permit within the allowed wait", 0, true, null, at,
                    ApiErrorOccurred.RATE_LIMITER);
        } else {
            data = new ApiErrorOccurred(origin.connectionId(), origin.advertiserId(), endpoint,
                    TikTokApiException.NO_CODE, "unexpected failure: " + failure.getClass().getSimpleName(), 0, false,
                    null, at);
        }
        return EventEnvelope.of(EventPublisher.SOURCE, origin.connectionId(), at, data, origin.connectionId(), endpoint,
                data.code(), data.requestId() == null ? at : data.requestId());
    }
}
