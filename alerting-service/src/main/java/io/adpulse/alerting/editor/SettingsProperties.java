package io.adpulse.alerting.editor;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings editor, bound from {@code adpulse.alerting.settings.*}.
 *
 * @param refreshInterval how often each instance reads the newest stored settings version, so that an edit made
 *        through another instance takes effect here too ({@code ADPULSE_ALERTING_SETTINGS_REFRESH_INTERVAL}, default
 *        {@code PT10S}); the instance that stored it applies it at once
 */
@Validated
@ConfigurationProperties("adpulse.alerting.settings")
public record SettingsProperties(@DefaultValue("PT10S") @DurationMin(millis = 100) Duration refreshInterval) {
}
