package io.adpulse.sandbox.report;

import java.util.Set;

import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.metrics.Metric;

/**
 * One report row before formatting.
 *
 * @param advertiser whose row it is
 * @param entityId  the id at the report's level
 * @param time      the local time label ({@code "2026-11-19 00:00:00"}), or null without a time dimension
 * @param sums      exact sums of the additive metrics (minor units for money)
 * @param available the additive metrics the entity has; the others are reported as {@code "-"}
 * @param reach     the row's reach, or null where reach is not reported
 */
record ReportRow(Advertiser advertiser, String entityId, String time, long[] sums, Set<Metric> available, Long reach) {
}
