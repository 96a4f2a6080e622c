package io.adpulse.alerting.health.domain;

import java.util.Map;
import java.util.TreeMap;

/** The labels the health rules share, so that routes and inhibit rules can match them. */
public final class HealthLabels {

    public static final String CONNECTION_ID = "connection_id";
    public static final String ADVERTISER_ID = "advertiser_id";
    public static final String ENDPOINT = "endpoint";

    private HealthLabels() {
    }

    /** The scope of a connection's alerts of one rule. */
    public static Map<String, String> connection(String connectionId) {
        return Map.of(CONNECTION_ID, connectionId);
    }

    /** {@code connection_id} and, when known, {@code advertiser_id}. */
    static Map<String, String> of(String connectionId, String advertiserId) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(CONNECTION_ID, connectionId);
        if (advertiserId != null) {
            labels.put(ADVERTISER_ID, advertiserId);
        }
        return labels;
    }
}
