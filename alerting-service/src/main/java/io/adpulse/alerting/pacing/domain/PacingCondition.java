package io.adpulse.alerting.pacing.domain;

import io.adpulse.alerting.alert.domain.Severity;

/** The ways a daily budget can be off pace, most severe first; at most one holds for a campaign at a time. */
public enum PacingCondition {
    /** Spend exceeds the whole daily budget: money TikTok should not have spent. */
    OVERSPEND(Severity.CRITICAL, "over budget"),
    /** Spend runs ahead of the pacing band: the budget will be exhausted before the day ends. */
    PACING_AHEAD(Severity.WARNING, "pacing ahead"),
    /** Spend lags the pacing band: the campaign is under-delivering. */
    PACING_BEHIND(Severity.WARNING, "pacing behind");

    private final Severity severity;
    private final String words;

    PacingCondition(Severity severity, String words) {
        this.severity = severity;
        this.words = words;
    }

    public Severity severity() {
        return severity;
    }

    /** The condition in plain words, for summaries. */
    public String words() {
        return words;
    }
}
