/**
 * Spend by advertiser and advertiser-local day, per currency. Amounts in different currencies are never
 * added together: totals are grouped by currency.
 */
package io.adpulse.reporting.spend;
