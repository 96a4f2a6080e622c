package io.adpulse.sandbox.metrics;

import java.util.Arrays;
import java.util.Optional;

import io.adpulse.sandbox.catalog.Objective;

/**
 * The additive delivery metrics the sandbox generates, in TikTok's report names. Money metrics are held in
 * minor units of the account currency (cents, yen), counts as plain integers, so that every sum is exact.
 */
public enum Metric {
    SPEND("spend", true),
    IMPRESSIONS("impressions", false),
    CLICKS("clicks", false),
    CONVERSION("conversion", false),
    COMPLETE_PAYMENT("complete_payment", false),
    TOTAL_PURCHASE_VALUE("total_purchase_value", true),
    VIDEO_PLAY_ACTIONS("video_play_actions", false),
    LIKES("likes", false),
    COMMENTS("comments", false),
    SHARES("shares", false);

    /** Number of metrics, the length of every value array. */
    public static final int COUNT = values().length;

    private final String apiName;
    private final boolean money;

    Metric(String apiName, boolean money) {
        this.apiName = apiName;
        this.money = money;
    }

    public String apiName() {
        return apiName;
    }

    /** Whether values are money (minor units) rather than counts. */
    public boolean isMoney() {
        return money;
    }

    /**
     * Whether a campaign with this objective has the metric at all: conversions only where the campaign optimises
     * towards an event, purchases only where that event is a purchase. Otherwise TikTok reports {@code "-"}.
     */
    public boolean availableFor(Objective objective) {
        return switch (this) {
            case CONVERSION -> objective.hasConversions();
            case COMPLETE_PAYMENT, TOTAL_PURCHASE_VALUE -> objective.hasPurchaseValue();
            default -> true;
        };
    }

    public static Optional<Metric> ofApiName(String name) {
        return Arrays.stream(values()).filter(metric -> metric.apiName.equals(name)).findFirst();
    }
}
