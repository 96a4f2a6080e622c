package io.adpulse.events;

/** The time bucket of a metric observation, in the advertiser's time zone. */
public enum Granularity {
    DAY, HOUR
}
