package io.adpulse.reporting.metric;

/**
 * TikTok report metric names this service stores, as they appear in {@code MetricObserved.metrics} and
 * {@code missing}. Written once here; the column each one fills is named beside it.
 */
final class MetricName {

    /** Amount spent, in the advertiser's currency; column {@code spend}. */
    static final String SPEND = "spend";
    /** Times ads were shown; column {@code impressions}. */
    static final String IMPRESSIONS = "impressions";
    /** Clicks on ads; column {@code clicks}. */
    static final String CLICKS = "clicks";
    /** Unique users reached; column {@code reach}. */
    static final String REACH = "reach";
    /** Conversions attributed to ads; column {@code conversions}. */
    static final String CONVERSIONS = "conversion";
    /** Purchase value attributed to ads, in the advertiser's currency; column {@code conversion_value}. */
    static final String CONVERSION_VALUE = "total_purchase_value";
    /** Video plays; column {@code video_views}. */
    static final String VIDEO_VIEWS = "video_play_actions";

    private MetricName() {
    }
}
