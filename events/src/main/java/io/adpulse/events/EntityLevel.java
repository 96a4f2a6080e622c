package io.adpulse.events;

/** The level of the TikTok ads hierarchy an entity or a metric belongs to. */
public enum EntityLevel {
    ADVERTISER, CAMPAIGN, ADGROUP, AD
}
