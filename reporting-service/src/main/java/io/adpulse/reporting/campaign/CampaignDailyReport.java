package io.adpulse.reporting.campaign;

import io.adpulse.reporting.kpi.Figures;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily campaign report as the API returns it. Dates are local to {@code timeZone}; amounts are in
 * {@code currency}; every number is a decimal string.
 */
record CampaignDailyReport(String advertiserId, String timeZone, String currency, LocalDate from, LocalDate to,
        List<Row> rows, Figures totals) {

    /** One campaign on one day: its latest name and status, its metrics and its KPIs. */
    record Row(LocalDate date, String campaignId, String campaignName, String campaignStatus, Boolean deleted,
            String spend, String impressions, String clicks, String conversions, String conversionValue,
            String roas, String ctr, String cpc, String cpm) {

        /** Column names of the CSV export. */
        static final List<String> CSV_HEADER = List.of("advertiserId", "timeZone", "currency", "date", "campaignId",
                "campaignName", "campaignStatus", "deleted", "spend", "impressions", "clicks", "conversions",
                "conversionValue", "roas", "ctr", "cpc", "cpm");

        static Row of(CampaignDay day, String currency) {
            Figures f = Figures.of(day.metrics(), currency);
            return new Row(day.date(), day.campaignId(), day.name(), day.status(), day.deleted(), f.spend(),
                    f.impressions(), f.clicks(), f.conversions(), f.conversionValue(), f.roas(), f.ctr(), f.cpc(),
                    f.cpm());
        }
    }
}
