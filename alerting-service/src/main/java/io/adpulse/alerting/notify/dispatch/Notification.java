package io.adpulse.alerting.notify.dispatch;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one flush of a notification group tells its receiver: the group's firing alerts and the alerts that
 * resolved since the receiver was last told. Its status is {@code firing} while any alert fires, else
 * {@code resolved}, as in Alertmanager.
 */
public record Notification(String receiver, String groupKey, Map<String, String> groupLabels, List<Alert> alerts) {

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    public String status() {
        return alerts.stream().anyMatch(a -> a.state() == AlertState.FIRING) ? "firing" : "resolved";
    }

    public long firingCount() {
        return alerts.stream().filter(a -> a.state() == AlertState.FIRING).count();
    }

    /** Labels (match labels, see {@link Alert#matchLabels()}) that every alert has with the same value. */
    public Map<String, String> commonLabels() {
        return common(alerts.stream().map(Alert::matchLabels).toList());
    }

    static Map<String, String> common(List<Map<String, String>> all) {
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new HashMap<>(all.get(0));
        for (Map<String, String> labels : all.subList(1, all.size())) {
            common.entrySet().removeIf(e -> !e.getValue().equals(labels.get(e.getKey())));
        }
        return common;
    }
}
