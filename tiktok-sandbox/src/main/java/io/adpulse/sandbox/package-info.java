/**
 * TikTok API for Business v1.3 simulator. Features: {@code catalog} (seeded accounts and entities), {@code metrics}
 * (deterministic hourly delivery and overrides), {@code report} (integrated reports), {@code entity} (entity and
 * advertiser reads), {@code oauth} (consent, codes, tokens), {@code api} (TikTok's envelope, errors and parameter
 * conventions), {@code traffic} (call counting, rate limits, fault injection) and {@code control} (the test-only
 * {@code /sandbox/} endpoints).
 */
package io.adpulse.sandbox;
