package io.adpulse.alerting.alert.domain;

import java.time.Instant;

/**
 * Which alert episodes a listing shows; every part is optional ({@code null}: any).
 *
 * @param state        the episode's state
 * @param advertiserId the {@code advertiser_id} label
 * @param rule         the rule's name, e.g. {@code daily-budget-pacing}
 * @param severity     the severity
 * @param since        episodes that started at or after this instant
 * @param until        episodes that started before this instant
 */
public record AlertFilter(AlertState state, String advertiserId, String rule, Severity severity, Instant since,
        Instant until) {
}
