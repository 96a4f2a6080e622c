package io.adpulse.alerting.notify.dispatch;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mail of a notification: the headline as subject ({@code [FIRING:2] advertiser_id=7 alertname=…}, as in
 * Alertmanager), and a plain-text and an HTML body with a "Firing" and a "Resolved" section. Each alert shows its
 * summary (or resolution), severity, times, labels, annotations, fingerprint and a link to Adpulse. The HTML is
 * escaped, so labels and summaries cannot inject markup.
 */
final class MailContent {

    private final String externalUrl;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    private MailContent(String externalUrl) {
        this.externalUrl = externalUrl;
    }

    /** {@code {"subject", "text", "html"}}. */
    static Map<String, Object> of(Notification notification, String headline, String externalUrl) {
        MailContent mail = new MailContent(externalUrl);
        mail.text.append(headline).append("\n\n");
        mail.html.append("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n<h2>").append(escape(headline))
                .append("</h2>\n");
        mail.section("Firing", notification.alerts().stream().filter(a -> a.state() == AlertState.FIRING).toList());
        mail.section("Resolved", notification.alerts().stream().filter(a -> a.state() != AlertState.FIRING).toList());
        mail.text.append("Receiver: ").append(notification.receiver()).append("\n")
                .append("Group: ").append(notification.groupKey()).append("\n")
                .append("Adpulse: ").append(externalUrl).append("\n");
        mail.html.append("<p>Receiver: ").append(escape(notification.receiver())).append("<br>\nGroup: ")
                .append(escape(notification.groupKey())).append("<br>\n<a href=\"").append(escape(externalUrl))
                .append("\">Open Adpulse</a></p>\n</body></html>\n");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("subject", headline);
        content.put("text", mail.text.toString());
        content.put("html", mail.html.toString());
        return content;
    }

    private void section(String title, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        text.append(title).append(" (").append(alerts.size()).append("):\n");
        html.append("<h3>").append(title).append(" (").append(alerts.size()).append(")</h3>\n<ul>\n");
        for (Alert alert : alerts) {
            alert(alert);
        }
        text.append("\n");
        html.append("</ul>\n");
    }

    private void alert(Alert alert) {
        boolean firing = alert.state() == AlertState.FIRING;
        String headline = firing || alert.resolution() == null ? alert.summary() : alert.resolution();
        Map<String, String> labels = new TreeMap<>(alert.matchLabels());
        Map<String, String> annotations = NotificationPayloads.annotations(alert);

        text.append("- ").append(headline).append("\n")
                .append("  Severity: ").append(alert.severity().wireValue()).append("\n")
                .append("  Started: ").append(alert.startsAt()).append("\n");
        if (!firing && alert.resolvedAt() != null) {
            text.append("  Resolved: ").append(alert.resolvedAt()).append("\n");
        }
        text.append("  Labels:\n");
        labels.forEach((k, v) -> text.append("    ").append(k).append(" = ").append(v).append("\n"));
        text.append("  Annotations:\n");
        annotations.forEach((k, v) -> text.append("    ").append(k).append(" = ").append(v).append("\n"));
        text.append("  Fingerprint: ").append(alert.fingerprint()).append("\n")
                .append("  Source: ").append(externalUrl).append("\n\n");

        html.append("<li><p><strong>").append(escape(headline)).append("</strong><br>\nSeverity: ")
                .append(escape(alert.severity().wireValue())).append(", started ")
                .append(escape(alert.startsAt().toString()));
        if (!firing && alert.resolvedAt() != null) {
            html.append(", resolved ").append(escape(alert.resolvedAt().toString()));
        }
        html.append("</p>\n<p>Labels:</p>\n<ul>\n");
        labels.forEach((k, v) -> html.append("<li>").append(escape(k)).append(" = ").append(escape(v)).append("</li>\n"));
        html.append("</ul>\n<p>Annotations:</p>\n<ul>\n");
        annotations.forEach((k, v) -> html.append("<li>").append(escape(k)).append(" = ").append(escape(v))
                .append("</li>\n"));
        html.append("</ul>\n<p>Fingerprint ").append(escape(alert.fingerprint())).append(" &middot; <a href=\"")
                .append(escape(externalUrl)).append("\">Source</a></p></li>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
