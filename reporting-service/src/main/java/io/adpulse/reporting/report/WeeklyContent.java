package io.adpulse.reporting.report;

import io.adpulse.reporting.kpi.MetricSums;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a weekly report shows: for every advertiser of the client (or brand), its figures over the week's local dates
 * (its own advertiser-level rows, else the sum of its campaigns; {@code null} sums when nothing was observed, never
 * zeros), its campaigns, and totals per currency (never across currencies).
 */
record WeeklyContent(String clientId, String clientName, String brandId, String brandName, LocalDate weekStart,
        LocalDate weekEnd, Instant generatedAt, List<AdvertiserLine> advertisers, List<CampaignLine> campaigns,
        List<Total> totals) {

    /** One advertiser over the week; {@code sums} is {@code null} when no day of it was observed. */
    record AdvertiserLine(String advertiserId, String name, String brandName, String timeZone, String currency,
            long daysReported, MetricSums sums) {
    }

    /** One campaign over the week, in its currency. */
    record CampaignLine(String advertiserId, String campaignId, String name, Boolean deleted, String currency,
            long daysReported, MetricSums sums) {
    }

    /** Every advertiser in one currency. */
    record Total(String currency, int advertisers, MetricSums sums) {
    }
}
