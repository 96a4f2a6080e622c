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
 * @param advertiser   whose data
 * @param level        the id dimension's level
 * @param granularity  day, hour or none
 * @param metrics      requested metrics, in the order to answer them
 * @param start        first local date, or null for the lifetime
 * @param end          last local date (inclusive), or null for the lifetime
 * @param filters      id filters by level; an entity must match each present one
 * @param paging       page and page size
 * @param totals       whether {@code total_metrics} is wanted
 */
record ReportQuery(Advertiser advertiser, EntityLevel level, Granularity granularity, List<ReportMetric> metrics,
                   LocalDate start, LocalDate end, Map<EntityLevel, Set<String>> filters, Paging paging,
                   boolean totals) {

    boolean lifetime() {
        return start == null;
    }
}
