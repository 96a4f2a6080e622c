package io.adpulse.ingest.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.EventEnvelope;
import io.adpulse.ingest.publish.EventPublisher;
import io.adpulse.ingest.sync.CallOrigin;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What ingest-service tells the other services about a failed call, by who failed it. */
class ApiErrorReporterTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
    private static final String ENDPOINT = "/report/integrated/get/";

    private final List<ApiErrorOccurred> published = new ArrayList<>();
    private final ApiErrorReporter reporter = new ApiErrorReporter(publisher(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCallDeclinedByTheEndpointsOpenCircuitSaysSoForEveryConnectionThatWanted() {
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults(ENDPOINT));

        reporter.report(ENDPOINT, List.of(origin("conn-1", "7001"), origin("conn-2", "7002")), open).block();

        assertThat(published).hasSize(2).allSatisfy(error -> {
            assertThat(error.circuitOpen()).isTrue();
            assertThat(error.rejectedBy()).isEqualTo(ApiErrorOccurred.CIRCUIT_BREAKER);
            assertThat(error.endpoint()).isEqualTo(ENDPOINT);
            assertThat(error.code()).isEqualTo(TikTokApiException.NO_CODE);
            assertThat(error.httpStatus()).isZero();
        });
        assertThat(published).extracting(ApiErrorOccurred::connectionId).containsExactly("conn-1", "conn-2");
    }

    @Test
    void aCallWithoutARateLimitPermitIsDeclinedByTheRateLimiter() {
        reporter.report(ENDPOINT, List.of(origin("conn-1", "7001")),
                RequestNotPermitted.createRequestNotPermitted(RateLimiter.ofDefaults("tiktok-app"))).block();

        assertThat(published).singleElement().satisfies(error -> {
            assertThat(error.rejectedBy()).isEqualTo(ApiErrorOccurred.RATE_LIMITER);
            assertThat(error.circuitOpen()).isFalse();
        });
    }

    @Test
    void anErrorTikTokAnsweredWithWasNotDeclinedByAdpulse() {
        reporter.report(ENDPOINT, List.of(origin("conn-1", "7001")), new IllegalStateException("boom")).block();

        assertThat(published).singleElement().satisfies(error -> {
            assertThat(error.rejectedBy()).isNull();
            assertThat(error.circuitOpen()).isFalse();
        });
    }

    private EventPublisher publisher() {
        EventPublisher publisher = mock(EventPublisher.class);
        when(publisher.publish(any())).thenAnswer(call -> {
            published.add((ApiErrorOccurred) call.<EventEnvelope<?>>getArgument(0).data());
            return Mono.empty();
        });
        return publisher;
    }

    private static CallOrigin origin(String connectionId, String advertiserId) {
        return new CallOrigin(connectionId, advertiserId, null, null);
    }
}
