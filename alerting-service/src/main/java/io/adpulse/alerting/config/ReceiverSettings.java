package io.adpulse.alerting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;

/**
 * A receiver ({@code adpulse.alerting.receivers[i]}): a name the routing tree refers to and the integrations
 * each notification of it goes to. A receiver without integrations discards its notifications on purpose
 * (a "black hole", as in Alertmanager).
 *
 * @param name unique name, used by routes, in deliveries and in the {@code receiver} tag of the metrics
 * @param webhooks generic JSON webhooks: each gets an Alertmanager-compatible (version 4) payload
 * @param slack Slack-compatible incoming webhooks
 */
public record ReceiverSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}", message = "must be 1 to 100 letters, digits, '_', '.' or '-'") String name,
        @Valid List<Webhook> webhooks,
        @Valid List<Slack> slack) {

    public ReceiverSettings {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        slack = slack == null ? List.of() : List.copyOf(slack);
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
}
