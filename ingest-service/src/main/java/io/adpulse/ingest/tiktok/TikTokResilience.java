package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.config.IngestSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * The resilience policy of TikTok calls.
 * <ul>
 * <li>Rate limiters for the app: TikTok's QPS and QPM quotas are per developer app, shared by every connection
 * and stream, so all calls draw from one bucket per window and wait (up to {@code rate-limit-wait}) for a permit;
 * one more per advertiser for TikTok's per-advertiser limit; calls of a backfilling sync also draw from a smaller
 * bucket ({@code backfill-share} of the QPS), so fresh data of live accounts is never queued behind history. The daily quota is {@link DailyQuota}. The Display API
 * has its own budget per endpoint (TikTok: 600 calls a minute).</li>
 * <li>A retry per endpoint: bounded attempts with exponential backoff and full jitter, or TikTok's
 * {@code Retry-After} when it sends one, only for failures that may pass on their own (rate limits, TikTok-side
 * faults, timeouts).</li>
 * <li>A circuit breaker per endpoint: opens when most recent calls failed on TikTok's side, so a broken
 * endpoint is not hammered; rejections for bad tokens or parameters do not count, they say nothing about
 * the endpoint's health.</li>
 * </ul>
 */
@Component
class TikTokResilience {

    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final int CIRCUIT_WINDOW_CALLS = 20;
    private static final int CIRCUIT_MINIMUM_CALLS = 10;
    private static final int CIRCUIT_HALF_OPEN_CALLS = 3;

    private final RateLimiter rateLimiter;
    private final RateLimiter minuteLimiter;
    private final RateLimiter backfillLimiter;
    private final RateLimiterRegistry advertiserLimiters;
    private final RateLimiterRegistry displayLimiters;
    private final RetryRegistry retries;
    private final RetryRegistry writeRetries;
    private final CircuitBreakerRegistry circuitBreakers;

    TikTokResilience(IngestSettings settings) {
        IngestSettings.TikTok tiktok = settings.tiktok();
        this.rateLimiter = RateLimiter.of("tiktok-app-" + tiktok.appId(), RateLimiterConfig.custom()
                .limitForPeriod(tiktok.qps())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(tiktok.rateLimitWait())
                .build());
        this.minuteLimiter = RateLimiter.of("tiktok-app-minute-" + tiktok.appId(), RateLimiterConfig.custom()
                .limitForPeriod(tiktok.qpm())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(tiktok.rateLimitWait())
                .build());
        this.backfillLimiter = RateLimiter.of("tiktok-app-backfill-" + tiktok.appId(), RateLimiterConfig.custom()
                .limitForPeriod(tiktok.backfillQps())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(tiktok.rateLimitWait())
                .build());
        this.advertiserLimiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(tiktok.advertiserQps())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(tiktok.rateLimitWait())
                .build());
        // TikTok counts Display API calls per endpoint in a sliding minute: spreading the budget over one-second
        // periods keeps any sliding minute (61 periods at most) close to displayQpm; the default 540 stays under 600.
        boolean perSecond = tiktok.displayQpm() >= 60;
        this.displayLimiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond ? tiktok.displayQpm() / 60 : 1)
                .limitRefreshPeriod(perSecond ? Duration.ofSeconds(1) : Duration.ofMillis(60_000L / tiktok.displayQpm()))
                .timeoutDuration(tiktok.rateLimitWait())
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(tiktok.maxAttempts())
                .intervalBiFunction((attempt, outcome) -> backoff(attempt,
                        outcome.isLeft() ? outcome.getLeft() : null, tiktok.initialBackoff(), tiktok.maxBackoff())
                        .toMillis())
                .retryOnException(e -> e instanceof TikTokApiException failure && failure.retryable())
                .build());
        // A write is tried again only when TikTok refused it for its rate limit: then it did nothing.
        this.writeRetries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(tiktok.maxAttempts())
                .intervalBiFunction((attempt, outcome) -> backoff(attempt,
                        outcome.isLeft() ? outcome.getLeft() : null, tiktok.initialBackoff(), tiktok.maxBackoff())
                        .toMillis())
                .retryOnException(e -> e instanceof TikTokRateLimitedException)
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

    /**
     * The wait before retry number {@code attempt} (1 for the first retry): what TikTok asked for in
     * {@code Retry-After} when it said (capped at {@code max}), otherwise "full jitter" — a uniformly random wait
     * between zero and {@code initial × 2^(attempt-1)}, capped at {@code max} — so that the connections throttled
     * together do not come back together.
     */
    static Duration backoff(int attempt, Throwable failure, Duration initial, Duration max) {
        if (failure instanceof TikTokApiException tiktok && tiktok.retryAfter().isPresent()) {
            Duration asked = tiktok.retryAfter().get();
            return asked.compareTo(max) > 0 ? max : asked;
        }
        double ceiling = Math.min(max.toMillis(), initial.toMillis() * Math.pow(BACKOFF_MULTIPLIER, attempt - 1));
        return Duration.ofMillis((long) (ThreadLocalRandom.current().nextDouble() * ceiling));
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The app's per-minute budget (QPM), shared like the per-second one. */
    RateLimiter minuteLimiter() {
        return minuteLimiter;
    }

    /**
     * The smaller per-second budget calls of a backfilling sync take a permit from before the app's: history is
     * read with at most {@code backfill-share} of the app's QPS, so the polls of live accounts always find the rest.
     */
    RateLimiter backfillLimiter() {
        return backfillLimiter;
    }

    /** The per-second budget of one advertiser (TikTok's per-advertiser limit, 40133 when exceeded). */
    RateLimiter advertiserLimiter(String advertiserId) {
        return advertiserLimiters.rateLimiter("tiktok-advertiser-" + advertiserId);
    }

    /** The app's budget for one Display API endpoint ({@code /v2/video/list/}...). */
    RateLimiter displayLimiter(String endpoint) {
        return displayLimiters.rateLimiter("tiktok-display-" + endpoint);
    }

    Retry retry(String endpoint) {
        return retries.retry(endpoint);
    }

    /** The retry of writes: only after TikTok's rate-limit refusals, which applied nothing. */
    Retry writeRetry(String endpoint) {
        return writeRetries.retry("write " + endpoint);
    }

    CircuitBreaker circuitBreaker(String endpoint) {
        return circuitBreakers.circuitBreaker(endpoint);
    }
}
