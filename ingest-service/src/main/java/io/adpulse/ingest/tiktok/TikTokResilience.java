package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.config.IngestSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The resilience policy of TikTok calls.
 * <ul>
 * <li>One rate limiter for the app: TikTok's QPS quota is per developer app, shared by every connection
 * and stream, so all calls draw from one bucket and wait (up to {@code rate-limit-wait}) for a permit.</li>
 * <li>A retry per endpoint: bounded attempts with randomised exponential backoff, only for failures that
 * may pass on their own (rate limits, TikTok-side faults, timeouts).</li>
 * <li>A circuit breaker per endpoint: opens when most recent calls failed on TikTok's side, so a broken
 * endpoint is not hammered; rejections for bad tokens or parameters do not count, they say nothing about
 * the endpoint's health.</li>
 * </ul>
 */
@Component
class TikTokResilience {

    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double BACKOFF_RANDOMIZATION = 0.5;
    private static final int CIRCUIT_WINDOW_CALLS = 20;
    private static final int CIRCUIT_MINIMUM_CALLS = 10;
    private static final int CIRCUIT_HALF_OPEN_CALLS = 3;

    private final RateLimiter rateLimiter;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;

    TikTokResilience(IngestSettings settings) {
        IngestSettings.TikTok tiktok = settings.tiktok();
        this.rateLimiter = RateLimiter.of("tiktok-app-" + tiktok.appId(), RateLimiterConfig.custom()
                .limitForPeriod(tiktok.qps())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(tiktok.rateLimitWait())
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(tiktok.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(tiktok.initialBackoff(),
                        BACKOFF_MULTIPLIER, BACKOFF_RANDOMIZATION, tiktok.maxBackoff()))
                .retryOnException(e -> e instanceof TikTokApiException failure && failure.retryable())
                .build());
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(CIRCUIT_WINDOW_CALLS)
                .minimumNumberOfCalls(CIRCUIT_MINIMUM_CALLS)
                .failureRateThreshold(tiktok.circuitFailureRate())
                .waitDurationInOpenState(tiktok.circuitOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(CIRCUIT_HALF_OPEN_CALLS)
                .recordException(e -> e instanceof TikTokServerException)
                .build());
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    Retry retry(String endpoint) {
        return retries.retry(endpoint);
    }

    CircuitBreaker circuitBreaker(String endpoint) {
        return circuitBreakers.circuitBreaker(endpoint);
    }
}
