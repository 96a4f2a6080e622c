package io.adpulse.alerting.notify.dispatch;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertState;
import io.adpulse.alerting.alert.domain.Severity;
import io.adpulse.alerting.config.ReceiverSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a {@link Notification} for each kind of integration.
 * <ul>
 *   <li>Generic webhook: Alertmanager's webhook payload, version 4, so tools written for Alertmanager take it
 *       unchanged. A firing alert's {@code endsAt} is {@code 0001-01-01T00:00:00Z} (Alertmanager's "not
 *       ended"); a resolved one's is its resolution time. Annotations carry {@code summary} and, once resolved,
 *       {@code resolution}.</li>
 *   <li>Slack incoming webhook: a {@code text} headline ("[FIRING:2] daily-budget-pacing advertiser_id=7") and
 *       one attachment coloured by state and severity, listing each alert's summary or resolution.</li>
 * </ul>
 */
public final class NotificationPayloads {

    static final String NOT_ENDED = "0001-01-01T00:00:00Z";

    private final String externalUrl;

    public NotificationPayloads(String externalUrl) {
        this.externalUrl = externalUrl;
    }

    public Map<String, Object> webhook(Notification notification) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Alert alert : notification.alerts()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", status(alert));
            entry.put("labels", new TreeMap<>(alert.matchLabels()));
            entry.put("annotations", annotations(alert));
            entry.put("startsAt", alert.startsAt().toString());
            entry.put("endsAt", alert.resolvedAt() == null ? NOT_ENDED : alert.resolvedAt().toString());
            entry.put("generatorURL", externalUrl);
            entry.put("fingerprint", alert.fingerprint());
            alerts.add(entry);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", "4");
        payload.put("groupKey", notification.groupKey());
        payload.put("truncatedAlerts", 0);
        payload.put("status", notification.status());
        payload.put("receiver", notification.receiver());
        payload.put("groupLabels", new TreeMap<>(notification.groupLabels()));
        payload.put("commonLabels", new TreeMap<>(notification.commonLabels()));
        payload.put("commonAnnotations", new TreeMap<>(Notification.common(
                notification.alerts().stream().map(NotificationPayloads::annotations).toList())));
        payload.put("externalURL", externalUrl);
        payload.put("alerts", alerts);
        return payload;
    }

    public Map<String, Object> slack(Notification notification, ReceiverSettings.Slack slack) {
        String headline = headline(notification);
        String lines = notification.alerts().stream().map(NotificationPayloads::line).collect(Collectors.joining("\n"));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("color", color(notification));
        attachment.put("title", headline);
        attachment.put("text", lines);
        attachment.put("fallback", headline + "\n" + lines);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (slack.channel() != null && !slack.channel().isBlank()) {
            payload.put("channel", slack.channel());
        }
        if (slack.username() != null && !slack.username().isBlank()) {
            payload.put("username", slack.username());
        }
        payload.put("text", headline);
        payload.put("attachments", List.of(attachment));
        return payload;
    }

    private static Map<String, String> annotations(Alert alert) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("summary", alert.summary());
        if (alert.resolution() != null) {
            annotations.put("resolution", alert.resolution());
        }
        return annotations;
    }

    private static String status(Alert alert) {
        return alert.state() == AlertState.FIRING ? "firing" : "resolved";
    }

    private static String headline(Notification notification) {
        String state = notification.status().equals("firing")
                ? "[FIRING:" + notification.firingCount() + "]" : "[RESOLVED]";
        String labels = new TreeMap<>(notification.groupLabels()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return labels.isEmpty() ? state : state + " " + labels;
    }

    private static String line(Alert alert) {
        return alert.state() == AlertState.FIRING
                ? "*FIRING* (" + alert.severity().wireValue() + ") " + alert.summary()
                : "*RESOLVED* " + (alert.resolution() == null ? alert.summary() : alert.resolution());
    }

    private static String color(Notification notification) {
        if (notification.status().equals("resolved")) {
            return "good";
        }
        boolean critical = notification.alerts().stream()
                .anyMatch(a -> a.state() == AlertState.FIRING && a.severity() == Severity.CRITICAL);
        return critical ? "danger" : "warning";
    }
}
