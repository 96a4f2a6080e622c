/**
 * The adapter behind {@link io.adpulse.ingest.sync.TikTokApi}: HTTP calls to the TikTok API for Business
 * with connect and response timeouts, TikTok's error codes (sent as HTTP 200 with a non-zero
 * {@code code}) mapped to typed exceptions, bounded retries with backoff on the retryable ones, one rate
 * limiter for the whole app and a circuit breaker per endpoint. Every HTTP attempt is counted in
 * {@code adpulse.tiktok.api.calls}; every call that finally fails is published as
 * {@code ApiErrorOccurred}. Responses are mapped to Adpulse records here; JSON never leaves the package.
 */
package io.adpulse.ingest.tiktok;
