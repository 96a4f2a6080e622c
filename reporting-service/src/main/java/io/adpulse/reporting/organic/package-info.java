/**
 * Organic videos of creator (Login Kit) connections, from {@code tiktok.organic.v1}: the latest counts per
 * connection and video, the video list (sortable, exportable) and a creator's totals with its engagement rate.
 */
package io.adpulse.reporting.organic;
