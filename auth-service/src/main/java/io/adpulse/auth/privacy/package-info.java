/**
 * Erasure of one TikTok account's data: requests (explicit, on disconnect, or by the retention job), their
 * publication on {@code privacy.requests.v1}, auth-service's own part of the erasure, and the per-service status
 * built from the confirmations on {@code privacy.completions.v1}.
 */
package io.adpulse.auth.privacy;
