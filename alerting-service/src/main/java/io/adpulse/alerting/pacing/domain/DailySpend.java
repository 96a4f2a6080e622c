package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest reported spend of one campaign on one local date, in the account currency, with the purchase
 * value ({@code total_purchase_value}) and the number of conversions ({@code conversion}) reported with it; each
 * null when the observation did not carry it (missing is not zero).
 */
public record DailySpend(String advertiserId, String campaignId, LocalDate localDate, BigDecimal amount,
        String currency, Instant observedAt, BigDecimal purchaseValue, BigDecimal conversions) {

    /** Spend with a purchase value, without conversions. */
    public DailySpend(String advertiserId, String campaignId, LocalDate localDate, BigDecimal amount, String currency,
            Instant observedAt, BigDecimal purchaseValue) {
        this(advertiserId, campaignId, localDate, amount, currency, observedAt, purchaseValue, null);
    }

    /** Spend without a purchase value. */
    public DailySpend(String advertiserId, String campaignId, LocalDate localDate, BigDecimal amount, String currency,
            Instant observedAt) {
        this(advertiserId, campaignId, localDate, amount, currency, observedAt, null, null);
    }
}
