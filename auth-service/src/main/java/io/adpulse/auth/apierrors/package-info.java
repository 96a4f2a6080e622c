/**
 * Consumer of {@code tiktok.api-errors.v1}: TikTok auth errors reported by ingest-service turn the
 * affected connection to NEEDS_REAUTH. The listener only decodes and delegates.
 */
package io.adpulse.auth.apierrors;
