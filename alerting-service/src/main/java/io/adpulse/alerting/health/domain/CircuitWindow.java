package io.adpulse.alerting.health.domain;

/**
 * The calls to one TikTok endpoint that ingest-service declined because the endpoint's circuit breaker was open,
 * within the {@code circuit-open} rule's window.
 *
 * @param declined declined calls in the window (each event counted once, however often it was delivered)
 */
public record CircuitWindow(String endpoint, long declined) {
}
