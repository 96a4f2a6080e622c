package io.adpulse.reporting.campaign;

import io.adpulse.reporting.kpi.MetricSums;
import java.time.LocalDate;

/**
 * The metrics of one campaign on one advertiser-local date, with the campaign's latest name and status.
 * {@code name}, {@code status} and {@code deleted} are {@code null} while the campaign entity is unknown.
 */
record CampaignDay(LocalDate date, String campaignId, String name, String status, Boolean deleted, String currency,
        MetricSums metrics) {
}
