/**
 * Delivery metrics. Values are generated at the finest grain TikTok reports, one ad in one hour, from a hash of
 * (seed, ad id, hour), so any query in any order sees the same numbers at the same instant; everything coarser is
 * an exact sum of these cells. The current hour is partial, so today grows through the day. Overrides replace
 * cells to simulate restatements.
 */
package io.adpulse.sandbox.metrics;
