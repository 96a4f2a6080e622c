package io.adpulse.alerting.health.domain;

import java.time.Instant;

/**
 * The TikTok API errors of one connection and endpoint within the rule's window.
 *
 * @param count errors in the window (each event counted once, however often it was delivered)
 * @param latestCode TikTok's code of the latest of them (0 when there is none)
 * @param latestHttpStatus HTTP status of the latest of them (0 when there is none)
 * @param latestAt when the latest of them occurred (null when there is none)
 * @param advertiserId the advertiser of the latest of them (null when unknown)
 */
public record ApiErrorWindow(String connectionId, String endpoint, long count, int latestCode, int latestHttpStatus,
        Instant latestAt, String advertiserId) {
}
