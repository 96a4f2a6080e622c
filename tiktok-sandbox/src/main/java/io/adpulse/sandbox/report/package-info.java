/**
 * TikTok's synchronous integrated report ({@code report/integrated/get/}, BASIC, auction levels): rows are sums of
 * (ad, hour) cells grouped by the level's id and the local day or hour, so every level and granularity adds up
 * exactly; metric values are strings in TikTok's formats and {@code "-"} marks a metric the entity does not have.
 */
package io.adpulse.sandbox.report;
