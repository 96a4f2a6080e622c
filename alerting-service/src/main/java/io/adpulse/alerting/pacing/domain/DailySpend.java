package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest reported spend of one campaign on one local date, in the account currency, with the purchase
 * value reported with it ({@code total_purchase_value}; null when the observation did not carry it).
 */
public record DailySpend(String advertiserId, String campaignId, LocalDate localDate, BigDecimal amount,
        String currency, Instant observedAt, BigDecimal purchaseValue) {

    /** Spend without a purchase value. */
    public DailySpend(String advertiserId, String campaignId, LocalDate localDate, BigDecimal amount, String currency,
            Instant observedAt) {
        this(advertiserId, campaignId, localDate, amount, currency, observedAt, null);
    }
}
