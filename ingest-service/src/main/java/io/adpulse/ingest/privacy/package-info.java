/**
 * Erasure of one TikTok account's data on request ({@code privacy.requests.v1}): every row this service holds
 * for the connection and its advertiser ids is deleted in one statement, and the per-table counts are confirmed
 * on {@code privacy.completions.v1}.
 */
package io.adpulse.ingest.privacy;
