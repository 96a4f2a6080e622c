/**
 * What happens to calls before TikTok's logic sees them: counting per path and app (benchmarks compare call
 * counts), the per-app rate limit answered with TikTok's in-band {@code 40100}, and injected faults for testing
 * retries, backoff and circuit breakers.
 */
package io.adpulse.sandbox.traffic;
