/**
 * The {@code daily-budget-pacing} rule: is a campaign with a daily budget spending it at the right pace
 * for the time of day in its advertiser's time zone? It keeps what it needs from the entity and metric
 * topics (advertiser time zone and currency; campaign budget, mode, name, status; the latest spend per
 * campaign and local date), evaluates on every observation and on a clock, and hands the result to the
 * alert lifecycle.
 */
package io.adpulse.alerting.pacing;
