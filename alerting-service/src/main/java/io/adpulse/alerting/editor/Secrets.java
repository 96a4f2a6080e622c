package io.adpulse.alerting.editor;

import io.adpulse.alerting.config.EditableSettings;
import io.adpulse.alerting.config.ReceiverSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secrets of receivers, which the API never shows: webhook, Slack and Alertmanager URLs keep only their scheme,
 * host and port ({@code https://hooks.slack.com/******}) when they have anything more (a path, a query, user info);
 * e-mail passwords and PagerDuty routing keys are {@code ******}. An edit may send a masked value back unchanged,
 * which keeps the secret the same receiver (by name) has at the same place; any other value replaces it.
 */
final class Secrets {

    static final String MASK = "******";

    private Secrets() {
    }

    /** {@code settings} with every secret masked. */
    static EditableSettings mask(EditableSettings settings) {
        return new EditableSettings(settings.rules(), settings.overrides(), settings.routes(),
                settings.receivers().stream().map(Secrets::mask).toList(), settings.inhibitRules());
    }

    private static ReceiverSettings mask(ReceiverSettings r) {
        return new ReceiverSettings(r.name(),
                r.webhooks().stream().map(w -> new ReceiverSettings.Webhook(mask(w.url()))).toList(),
                r.slack().stream().map(s -> new ReceiverSettings.Slack(mask(s.url()), s.channel(), s.username())).toList(),
                r.email().stream().map(e -> new ReceiverSettings.Email(e.to(), e.from(), e.host(), e.port(), e.username(),
                        e.password() == null ? null : MASK, e.starttls())).toList(),
                r.pagerduty().stream().map(p -> new ReceiverSettings.PagerDuty(p.url(), MASK, p.source())).toList(),
                r.alertmanager().stream().map(a -> new ReceiverSettings.Alertmanager(mask(a.url()))).toList());
    }

    /** The URL without anything that may be a secret. */
    static URI mask(URI url) {
        boolean plain = url.getRawUserInfo() == null && url.getRawQuery() == null && url.getRawFragment() == null
                && (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"));
        if (plain || url.getHost() == null) {
            return plain ? url : URI.create(MASK);
        }
        return URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/"
                + MASK);
    }

    /**
     * {@code edited} with each masked secret replaced by the one the receiver of the same name has at the same place
     * in {@code current}; a masked value that is not the mask of that secret is refused, naming the field.
     */
    static EditableSettings unmask(EditableSettings edited, EditableSettings current) {
        List<ReceiverSettings> receivers = new ArrayList<>();
        for (int i = 0; i < edited.receivers().size(); i++) {
            ReceiverSettings r = edited.receivers().get(i);
            Optional<ReceiverSettings> was = current.receivers().stream().filter(c -> c.name().equals(r.name()))
                    .findFirst();
            String path = "receivers[" + i + "]";
            receivers.add(new ReceiverSettings(r.name(),
                    each(r.webhooks(), (w, j) -> new ReceiverSettings.Webhook(url(w.url(),
                            was.flatMap(c -> at(c.webhooks(), j)).map(ReceiverSettings.Webhook::url),
                            path + ".webhooks[" + j + "].url"))),
                    each(r.slack(), (s, j) -> new ReceiverSettings.Slack(url(s.url(),
                            was.flatMap(c -> at(c.slack(), j)).map(ReceiverSettings.Slack::url),
                            path + ".slack[" + j + "].url"), s.channel(), s.username())),
                    each(r.email(), (e, j) -> new ReceiverSettings.Email(e.to(), e.from(), e.host(), e.port(),
                            e.username(), text(e.password(), was.flatMap(c -> at(c.email(), j))
                                    .map(ReceiverSettings.Email::password), path + ".email[" + j + "].password"),
                            e.starttls())),
                    each(r.pagerduty(), (p, j) -> new ReceiverSettings.PagerDuty(p.url(), text(p.routingKey(),
                            was.flatMap(c -> at(c.pagerduty(), j)).map(ReceiverSettings.PagerDuty::routingKey),
                            path + ".pagerduty[" + j + "].routing-key"), p.source())),
                    each(r.alertmanager(), (a, j) -> new ReceiverSettings.Alertmanager(url(a.url(),
                            was.flatMap(c -> at(c.alertmanager(), j)).map(ReceiverSettings.Alertmanager::url),
                            path + ".alertmanager[" + j + "].url")))));
        }
        return new EditableSettings(edited.rules(), edited.overrides(), edited.routes(), receivers,
                edited.inhibitRules());
    }

    private interface Indexed<T, R> {
        R apply(T value, int index);
    }

    private static <T, R> List<R> each(List<T> values, Indexed<T, R> mapper) {
        List<R> mapped = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            mapped.add(mapper.apply(values.get(i), i));
        }
        return mapped;
    }

    private static <T> Optional<T> at(List<T> values, int index) {
        return index < values.size() ? Optional.of(values.get(index)) : Optional.empty();
    }

    private static URI url(URI given, Optional<URI> existing, String path) {
        if (!given.toString().contains(MASK)) {
            return given;
        }
        return existing.filter(url -> mask(url).equals(given)).orElseThrow(() -> unknownMask(path));
    }

    private static String text(String given, Optional<String> existing, String path) {
        if (given == null || !given.contains(MASK)) {
            return given;
        }
        return existing.filter(value -> MASK.equals(given)).orElseThrow(() -> unknownMask(path));
    }

    private static RuntimeException unknownMask(String path) {
        return SettingsDocument.invalid(path, "is a masked secret, but the receiver of this name has no secret at this"
                + " place to keep; give the full value");
    }
}
