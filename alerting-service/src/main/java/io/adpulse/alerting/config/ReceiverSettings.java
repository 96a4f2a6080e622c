package io.adpulse.alerting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.util.List;

/**
 * A receiver ({@code adpulse.alerting.receivers[i]}): a name the routing tree refers to and the integrations
 * each notification of it goes to. A receiver without integrations discards its notifications on purpose
 * (a "black hole", as in Alertmanager).
 *
 * @param name unique name, used by routes, in deliveries and in the {@code receiver} tag of the metrics
 * @param webhooks generic JSON webhooks: each gets an Alertmanager-compatible (version 4) payload
 * @param slack Slack-compatible incoming webhooks
 * @param email e-mail over SMTP
 * @param pagerduty PagerDuty Events API v2 (or a compatible service)
 * @param alertmanager existing Prometheus Alertmanagers the alerts are forwarded to through their v2 API
 */
public record ReceiverSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}", message = "must be 1 to 100 letters, digits, '_', '.' or '-'") String name,
        @Valid List<Webhook> webhooks,
        @Valid List<Slack> slack,
        @Valid List<Email> email,
        @Valid List<PagerDuty> pagerduty,
        @Valid List<Alertmanager> alertmanager) {

    public ReceiverSettings {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        slack = slack == null ? List.of() : List.copyOf(slack);
        email = email == null ? List.of() : List.copyOf(email);
        pagerduty = pagerduty == null ? List.of() : List.copyOf(pagerduty);
        alertmanager = alertmanager == null ? List.of() : List.copyOf(alertmanager);
    }

    /**
     * A generic webhook.
     *
     * @param url where the JSON is POSTed ({@code http} or {@code https}); it may hold a secret, so it is never
     *        logged nor shown by the API
     */
    public record Webhook(@NotNull URI url) {
    }

    /**
     * A Slack incoming webhook (or anything that takes its payload, such as Mattermost or Rocket.Chat).
     *
     * @param url the incoming-webhook URL; a secret, never logged nor shown by the API
     * @param channel channel to post to instead of the webhook's own (optional)
     * @param username name to post as (optional)
     */
    public record Slack(@NotNull URI url, String channel, String username) {
    }

    /**
     * E-mail over SMTP.
     *
     * @param to recipients, comma-separated addresses ({@code oncall@example.com, "Ops" <ops@example.com>})
     * @param from sender address
     * @param host SMTP server (smarthost) to hand the mail to
     * @param port its port (default 25)
     * @param username user to authenticate as (optional; without it no authentication is attempted)
     * @param password that user's password; a secret, never logged nor shown by the API
     * @param starttls whether the connection must be upgraded with STARTTLS before anything is sent
     *        (default {@code true}); the mail is not sent if the server does not offer it
     */
    public record Email(
            @NotBlank String to,
            @NotBlank String from,
            @NotBlank String host,
            @DefaultValue("25") @Min(1) @Max(65535) int port,
            String username,
            String password,
            @DefaultValue("true") boolean starttls) {

        @Override
        public String toString() {
            return "Email[to=" + to + ", from=" + from + ", host=" + host + ", port=" + port + ", username="
                    + username + ", password=" + (password == null ? "null" : "******") + ", starttls=" + starttls
                    + "]";
        }
    }

    /**
     * PagerDuty Events API v2, or any service that takes its payload.
     *
     * @param url where events are POSTed (default {@code https://events.pagerduty.com/v2/enqueue})
     * @param routingKey the integration key of the PagerDuty service; a secret, never stored with deliveries,
     *        logged nor shown by the API
     * @param source the {@code payload.source} of events (default {@code adpulse})
     */
    public record PagerDuty(
            @DefaultValue("https://events.pagerduty.com/v2/enqueue") @NotNull URI url,
            @NotBlank String routingKey,
            @DefaultValue("adpulse") @NotBlank String source) {

        @Override
        public String toString() {
            return "PagerDuty[routingKey=******, source=" + source + "]";
        }
    }

    /**
     * An existing Prometheus Alertmanager; alerts are POSTed to {@code <url>/api/v2/alerts}.
     *
     * @param url Alertmanager's base URL, such as {@code http://alertmanager:9093}
     */
    public record Alertmanager(@NotNull URI url) {
    }
}
