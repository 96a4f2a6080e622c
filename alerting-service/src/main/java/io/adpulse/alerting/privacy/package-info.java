/**
 * Erasure of one TikTok account's data on request ({@code privacy.requests.v1}): everything this service holds
 * about the account's advertisers (observations, alerts and what was sent about them) is deleted, and the
 * per-table counts are confirmed on {@code privacy.completions.v1} through the {@code alert} outbox, in the same
 * transaction as the deletion. Depends on {@code alert}; nothing depends on it.
 */
package io.adpulse.alerting.privacy;
