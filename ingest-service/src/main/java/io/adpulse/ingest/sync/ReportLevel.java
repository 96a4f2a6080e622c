package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;

/** The levels whose daily reports a sync reads, with the watermark stream each one advances. */
public enum ReportLevel {
    CAMPAIGN(EntityLevel.CAMPAIGN, "campaign-daily"),
    ADVERTISER(EntityLevel.ADVERTISER, "advertiser-daily");

    private final EntityLevel entityLevel;
    private final String stream;

    ReportLevel(EntityLevel entityLevel, String stream) {
        this.entityLevel = entityLevel;
        this.stream = stream;
    }

    public EntityLevel entityLevel() {
        return entityLevel;
    }

    String stream() {
        return stream;
    }
}
