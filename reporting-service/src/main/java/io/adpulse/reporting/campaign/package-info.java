/**
 * The daily campaign report of one advertiser: one row per campaign and advertiser-local day with its
 * metrics and KPIs, and totals whose KPIs come from the summed metrics.
 */
package io.adpulse.reporting.campaign;
