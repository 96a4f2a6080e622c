package io.adpulse.alerting.notify.dispatch;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertState;
import io.adpulse.alerting.alert.domain.Severity;
import io.adpulse.alerting.config.ReceiverSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 *   <li>E-mail: the same headline as subject, and a plain-text and an HTML body listing the firing and the
 *       resolved alerts with their labels, annotations and links. Recipients and sender are added when sent.</li>
 *   <li>PagerDuty Events v2: one event per notification, {@code trigger} while any alert fires, else
 *       {@code resolve}, deduplicated by a hash of the group key, so the group is one PagerDuty incident.
 *       The routing key (a secret) is added only when the event is sent.</li>
 *   <li>Alertmanager v2 API: the list of alerts as {@code POST /api/v2/alerts} takes it. A firing alert has no
 *       {@code endsAt} (Alertmanager then ends it after its {@code resolve_timeout} unless it is sent again);
 *       a resolved one ends at its resolution time.</li>
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

    /** {@code {"subject", "text", "html"}}: the content of the mail, see {@link MailContent}. */
    public Map<String, Object> email(Notification notification) {
        return MailContent.of(notification, headline(notification), externalUrl);
    }

    /**
     * A PagerDuty Events v2 event without its {@code routing_key}:
     * {@code {"event_action", "dedup_key", "payload": {"summary", "severity", "source", "custom_details"}, "client",
     * "client_url"}}.
     */
    public Map<String, Object> pagerDuty(Notification notification, ReceiverSettings.PagerDuty pagerDuty) {
        List<Alert> firing = notification.alerts().stream().filter(a -> a.state() == AlertState.FIRING).toList();
        List<Alert> resolved = notification.alerts().stream().filter(a -> a.state() != AlertState.FIRING).toList();
        Severity severity = (firing.isEmpty() ? notification.alerts() : firing).stream().map(Alert::severity)
                .max(Severity::compareTo).orElse(Severity.INFO);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("firing", firing.stream().map(NotificationPayloads::describe).collect(Collectors.joining("\n")));
        details.put("resolved", resolved.stream().map(NotificationPayloads::describe).collect(Collectors.joining("\n")));
        details.put("num_firing", firing.size());
        details.put("num_resolved", resolved.size());
        details.put("group_key", notification.groupKey());
        details.put("group_labels", new TreeMap<>(notification.groupLabels()));
        details.put("fingerprints", notification.alerts().stream().map(Alert::fingerprint).toList());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", truncate(headline(notification) + (notification.alerts().size() == 1
                ? ": " + plainLine(notification.alerts().get(0)) : ""), 1024));
        payload.put("severity", severity.wireValue());
        payload.put("source", pagerDuty.source());
        payload.put("custom_details", details);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_action", notification.status().equals("firing") ? "trigger" : "resolve");
        event.put("dedup_key", dedupKey(notification.groupKey()));
        event.put("payload", payload);
        event.put("client", "Adpulse");
        event.put("client_url", externalUrl);
        return event;
    }

    /** The alerts as Alertmanager's {@code POST /api/v2/alerts} takes them. */
    public List<Map<String, Object>> alertmanager(Notification notification) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Alert alert : notification.alerts()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("labels", new TreeMap<>(alert.matchLabels()));
            entry.put("annotations", annotations(alert));
            entry.put("startsAt", alert.startsAt().toString());
            if (alert.resolvedAt() != null) {
                entry.put("endsAt", alert.resolvedAt().toString());
            }
            entry.put("generatorURL", externalUrl);
            alerts.add(entry);
        }
        return alerts;
    }

    /** SHA-256 of the group key in hex: stable per group and within PagerDuty's 255 characters. */
    static String dedupKey(String groupKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(groupKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String describe(Alert alert) {
        return new TreeMap<>(alert.labels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ", plainLine(alert) + " [", "]"));
    }

    private static String plainLine(Alert alert) {
        return alert.state() == AlertState.FIRING
                ? "FIRING (" + alert.severity().wireValue() + ") " + alert.summary()
                : "RESOLVED " + (alert.resolution() == null ? alert.summary() : alert.resolution());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static Map<String, String> annotations(Alert alert) {
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

    static String headline(Notification notification) {
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
