/**
 * reporting-service. Features: {@code entity} and {@code metric} consume {@code tiktok.entities.v1} and
 * {@code tiktok.metrics.v1} into idempotent, restatement-aware tables; {@code kpi} holds the pure KPI and
 * rounding rules; {@code advertiser}, {@code campaign} and {@code spend} serve the reports;
 * {@code analytics} serves time series, the overview and top-N rankings; {@code web} holds request parsing,
 * exports and the OpenAPI document shared by the reports; {@code kafka} retries and dead-letters records the
 * listeners cannot apply; {@code config} holds the settings.
 */
package io.adpulse.reporting;
