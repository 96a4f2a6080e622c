/**
 * Entity state: the latest known name, status, budget, time zone and currency of every advertiser,
 * campaign, ad group and ad, kept from {@code tiktok.entities.v1}. Later observations win; an older one
 * delivered late is ignored, and deleted entities stay so reports over their past keep their names.
 */
package io.adpulse.reporting.entity;
