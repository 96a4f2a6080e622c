package io.adpulse.sandbox.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.adpulse.sandbox.api.Paging;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.EntityLevel;

/**
 * A validated report request.
 *
 * @param advertisers  whose data: one ({@code advertiser_id}) or up to five ({@code advertiser_ids}), in request order
 * @param multi        whether the request listed {@code advertiser_ids}: rows then also carry {@code advertiser_id},
 *                     {@code currency} and {@code timezone} among their metrics
 * @param utc          {@code multi_adv_report_in_utc_time}: dates and hours in UTC instead of each advertiser's zone
 * @param level        the id dimension's level
 * @param granularity  day, hour or none
 * @param metrics      requested metrics, in the order to answer them
 * @param start        first local date, or null for the lifetime
 * @param end          last local date (inclusive), or null for the lifetime
 * @param filters      id filters by level; an entity must match each present one
 * @param paging       page and page size
 * @param totals       whether {@code total_metrics} is wanted
 */
record ReportQuery(List<Advertiser> advertisers, boolean multi, boolean utc, EntityLevel level, Granularity granularity, List<ReportMetric> metrics,
                   LocalDate start, LocalDate end, Map<EntityLevel, Set<String>> filters, Paging paging,
                   boolean totals) {

    ReportQuery {
        advertisers = List.copyOf(advertisers);
    }

    boolean lifetime() {
        return start == null;
    }

    /** The advertiser of a single-advertiser request (the first one listed). */
    Advertiser advertiser() {
        return advertisers.get(0);
    }
}
