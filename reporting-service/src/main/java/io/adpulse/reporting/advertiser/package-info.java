/**
 * The advertisers the service knows and their campaigns. An advertiser is known once any entity or metric
 * of it has been observed; its time zone and currency come from its advertiser entity, or, before that
 * entity arrives, from its latest metric observation.
 */
package io.adpulse.reporting.advertiser;
