package io.adpulse.reporting.spend;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one advertiser spent on one local date, in {@code currency}. {@code source} says where the figure
 * comes from: {@link Source#ADVERTISER} is TikTok's advertiser-level figure, {@link Source#CAMPAIGNS} the
 * sum of the campaign-level figures when no advertiser-level one was observed. {@code spend} is
 * {@code null} when TikTok did not report it (for one campaign, in the second case).
 */
record SpendDay(String advertiserId, String advertiserName, LocalDate date, String currency, BigDecimal spend,
        Source source) {

    enum Source { ADVERTISER, CAMPAIGNS }
}
