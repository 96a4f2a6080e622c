package io.adpulse.reporting.analytics;

import io.adpulse.reporting.kpi.MetricSums;
import java.time.LocalDateTime;

/**
 * One bucket of a time series as read: its first local hour or day, how many of its hours or days (slots)
 * lie in the requested range, in how many of those any metric was observed, and the unrounded sums of the
 * observed ones. Sums are {@code null} when nothing was observed or an observed slot lacks the metric.
 */
record Period(LocalDateTime start, long slotsInRange, long slotsReported, MetricSums sums) {
}
