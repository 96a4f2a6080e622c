package io.adpulse.alerting.notify.delivery;

import io.adpulse.alerting.alert.domain.AlertsChanged;
import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.notify.dispatch.Dispatcher;
import io.adpulse.alerting.schedule.PeriodicTask;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every {@code notifications.interval}: one dispatch pass (route new alerts, flush due groups) and then one
 * delivery pass, both at the clock's current instant. A pass still running when the next tick comes swallows
 * that tick. With {@code notifications.enabled=false} this instance does neither.
 */
@Component
class NotificationSchedule extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

    private final Dispatcher dispatcher;
    private final DeliveryWorker worker;
    private final Clock clock;
    private final AlertingProperties.Notifications settings;

    NotificationSchedule(Dispatcher dispatcher, DeliveryWorker worker, Clock clock, AlertingProperties properties) {
        super("notification delivery pass", properties.notifications().interval());
        this.dispatcher = dispatcher;
        this.worker = worker;
        this.clock = clock;
        this.settings = properties.notifications();
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("notifications are disabled on this instance (adpulse.alerting.notifications.enabled=false)");
            return;
        }
        super.start();
    }

    /** Dispatch, then deliver; a failed dispatch does not keep due deliveries from going out. */
    @Override
    protected Mono<Void> runOnce() {
        return Mono.defer(() -> dispatcher.dispatch(clock.instant()))
                .onErrorResume(e -> {
                    log.warn("notification dispatch failed, will retry: {}", e.toString());
                    return Mono.empty();
                })
                .then(Mono.defer(() -> worker.deliverDue(clock.instant())));
    }

    /** An alert fired or resolved: run a pass now rather than at the next tick. */
    @EventListener
    void onAlertsChanged(AlertsChanged changed) {
        nudge();
    }
}
