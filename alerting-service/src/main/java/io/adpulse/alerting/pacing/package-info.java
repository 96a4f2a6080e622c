/**
 * The campaign rules (see the README for {@code lifetime-budget-pacing}, {@code cpa-above-target},
 * {@code spend-anomaly} and {@code campaign-stopped-delivering}, which follow the same pattern). {@code daily-budget-pacing}: is a campaign with a daily budget spending it at the right
 * pace for the time of day in its advertiser's time zone? {@code roas-below-target}: is a campaign's return on
 * ad spend today below its advertiser's target? They keep what they need from the entity and metric topics
 * (advertiser time zone and currency; campaign budget, mode, name, status; the latest spend and purchase value
 * per campaign and local date), evaluate on every observation and on a clock, and hand the results to the
 * alert lifecycle.
 */
package io.adpulse.alerting.pacing;
