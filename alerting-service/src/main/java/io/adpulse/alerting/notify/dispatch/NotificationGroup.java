package io.adpulse.alerting.notify.dispatch;

import java.time.Instant;
import java.util.Map;

/** A stored notification group: the alerts one route sends together, keyed by the route and the group labels. */
record NotificationGroup(long id, String route, String groupKey, Map<String, String> groupLabels,
        Instant lastNotifiedAt) {
}
