package io.adpulse.alerting.editor;

import io.adpulse.alerting.schedule.PeriodicTask;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the newest stored settings version at startup and then every {@code refresh-interval}. Until the first read
 * succeeds, rule evaluations and notifications wait (see {@link io.adpulse.alerting.config.LiveSettings}).
 */
@Component
class SettingsRefresh extends PeriodicTask {

    private final SettingsService settings;

    SettingsRefresh(SettingsService settings, SettingsProperties properties) {
        super("settings refresh", Duration.ZERO, properties.refreshInterval());
        this.settings = settings;
    }

    @Override
    protected Mono<?> runOnce() {
        return settings.refresh();
    }
}
