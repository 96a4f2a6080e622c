package io.adpulse.alerting.notify.routing;

import io.adpulse.alerting.config.InvalidSettingException;
import io.adpulse.alerting.config.ReceiverSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured receivers by name, validated at startup: names are unique, every URL is an absolute
 * {@code http} or {@code https} URL, and e-mail senders and recipients are valid addresses. URLs may carry secrets (Slack puts its token in the path), so they are
 * never part of an error message about a URL's value.
 */
public final class Receivers {

    private final Map<String, ReceiverSettings> byName;

    private Receivers(Map<String, ReceiverSettings> byName) {
        this.byName = byName;
    }

    public static Receivers of(List<ReceiverSettings> receivers) {
        return of(receivers, "adpulse.alerting.receivers");
    }

    /** Checks the receivers listed at {@code prefix} ({@code receivers} in the settings API). */
    public static Receivers of(List<ReceiverSettings> receivers, String prefix) {
        Map<String, ReceiverSettings> byName = new LinkedHashMap<>();
        for (int i = 0; i < receivers.size(); i++) {
            ReceiverSettings receiver = receivers.get(i);
            String path = prefix + "[" + i + "]";
            if (byName.put(receiver.name(), receiver) != null) {
                throw invalid(path + ".name", "the name '" + receiver.name() + "' is used twice");
            }
            for (int w = 0; w < receiver.webhooks().size(); w++) {
                requireHttp(receiver.webhooks().get(w).url(), path + ".webhooks[" + w + "].url");
            }
            for (int s = 0; s < receiver.slack().size(); s++) {
                requireHttp(receiver.slack().get(s).url(), path + ".slack[" + s + "].url");
            }
            for (int e = 0; e < receiver.email().size(); e++) {
                ReceiverSettings.Email email = receiver.email().get(e);
                requireAddresses(email.to(), path + ".email[" + e + "].to");
                requireAddresses(email.from(), path + ".email[" + e + "].from");
                if (email.password() != null && !email.password().isEmpty()
                        && (email.username() == null || email.username().isBlank())) {
                    throw invalid(path + ".email[" + e + "].username", "a password is set, so a username is needed");
                }
            }
            for (int p = 0; p < receiver.pagerduty().size(); p++) {
                requireHttp(receiver.pagerduty().get(p).url(), path + ".pagerduty[" + p + "].url");
            }
            for (int a = 0; a < receiver.alertmanager().size(); a++) {
                requireHttp(receiver.alertmanager().get(a).url(), path + ".alertmanager[" + a + "].url");
            }
        }
        return new Receivers(byName);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Optional<ReceiverSettings> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static void requireAddresses(String addresses, String path) {
        try {
            if (InternetAddress.parse(addresses, true).length == 0) {
                throw invalid(path, "no e-mail address");
            }
        } catch (AddressException e) {
            throw invalid(path, "'" + addresses + "' is not a comma-separated list of e-mail addresses");
        }
    }

    private static InvalidSettingException invalid(String path, String reason) {
        return new InvalidSettingException(path, reason, "invalid receivers at " + path + ": " + reason);
    }

    private static void requireHttp(URI url, String path) {
        if (url == null) {
            throw invalid(path, "a URL is required");
        }
        if (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw invalid(path, "must be an absolute http or https URL");
        }
    }
}
