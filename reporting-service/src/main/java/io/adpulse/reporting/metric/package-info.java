/**
 * Daily and hourly metrics: spend, impressions, clicks, reach, conversions, conversion value and video views
 * of every entity per advertiser-local day (and local hour), kept from {@code tiktok.metrics.v1}. TikTok restates recent days, so a
 * row holds the latest observation of its natural key; missing metrics stay NULL, never zero.
 */
package io.adpulse.reporting.metric;
