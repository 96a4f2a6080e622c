package io.adpulse.ingest.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * TikTok webhook settings, prefix {@code adpulse.ingest.webhooks}.
 *
 * @param clientKey  the TikTok app (client key) whose notifications are accepted ({@code TIKTOK_CLIENT_KEY})
 * @param secrets    the app's client secrets that sign notifications ({@code TIKTOK_CLIENT_SECRET}); more than one
 *                   while a rotated secret is being phased out; secret, never logged
 * @param tolerance  how far a signature's timestamp may be from now before it is refused as stale (TikTok's
 *                   guidance: 5 minutes)
 * @param maxBodyBytes largest body accepted; TikTok's notifications are a few hundred bytes
 */
@Validated
@ConfigurationProperties("adpulse.ingest.webhooks")
public record WebhookSettings(
        @NotBlank String clientKey,
        @NotEmpty List<@NotBlank String> secrets,
        @NotNull @DurationMin(seconds = 1) Duration tolerance,
        int maxBodyBytes) {

    public WebhookSettings {
        secrets = List.copyOf(secrets);
        maxBodyBytes = maxBodyBytes <= 0 ? 65_536 : maxBodyBytes;
    }

    @Override
    public String toString() {
        return "WebhookSettings[clientKey=" + clientKey + ", secrets=<" + secrets.size() + " redacted>, tolerance="
                + tolerance + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
