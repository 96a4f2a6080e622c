package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The latest reported spend of one campaign on one local date, in the account currency. */
public record DailySpend(String advertiserId, String campaignId, LocalDate localDate, BigDecimal amount,
        String currency, Instant observedAt) {
}
