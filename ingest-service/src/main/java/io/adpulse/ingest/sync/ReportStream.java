package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.Granularity;

/**
 * The report streams a sync reads, each with its own watermark: daily reports at every level of the ads
 * hierarchy, and hourly reports at campaign level. Daily streams are backfilled and then re-read over the
 * attribution lookback; the hourly stream always re-reads the last {@code hourly-days} days.
 */
public enum ReportStream {
    CAMPAIGN_DAILY(EntityLevel.CAMPAIGN, Granularity.DAY, "campaign-daily"),
    ADVERTISER_DAILY(EntityLevel.ADVERTISER, Granularity.DAY, "advertiser-daily"),
    ADGROUP_DAILY(EntityLevel.ADGROUP, Granularity.DAY, "adgroup-daily"),
    AD_DAILY(EntityLevel.AD, Granularity.DAY, "ad-daily"),
    CAMPAIGN_HOURLY(EntityLevel.CAMPAIGN, Granularity.HOUR, "campaign-hourly");

    private final EntityLevel level;
    private final Granularity granularity;
    private final String stream;

    ReportStream(EntityLevel level, Granularity granularity, String stream) {
        this.level = level;
        this.granularity = granularity;
        this.stream = stream;
    }

    public EntityLevel level() {
        return level;
    }

    public Granularity granularity() {
        return granularity;
    }

    /** The most days one request may cover: 30 with {@code stat_time_day}, one with {@code stat_time_hour}. */
    public int maxDaysPerRequest() {
        return granularity == Granularity.HOUR ? 1 : DateWindow.MAX_REPORT_DAYS;
    }

    /** The watermark's stream name, as the operations API shows it. */
    public String stream() {
        return stream;
    }
}
