/**
 * Time series and roll-ups (hour, day, ISO week, month × advertiser, campaign, ad group, ad), the overview
 * with period-over-period deltas, and the top-N ranking of entities, with their exports.
 */
package io.adpulse.reporting.analytics;
