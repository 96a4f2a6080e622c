package io.adpulse.alerting.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.adpulse.alerting.alert.domain.AlertsChanged;
import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.notify.dispatch.Dispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class NotificationScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");

    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private final DeliveryWorker worker = mock(DeliveryWorker.class);

    @Test
    void dispatchesThenDeliversOnEveryTickAndKeepsGoingAfterAFailedDispatch() {
        when(dispatcher.dispatch(any())).thenReturn(Mono.error(new IllegalStateException("database down")));
        when(worker.deliverDue(any())).thenReturn(Mono.empty());
        NotificationSchedule schedule = schedule(true);

        schedule.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                verify(dispatcher, atLeast(2)).dispatch(NOW);
                verify(worker, atLeast(2)).deliverDue(NOW);
            });
            assertThat(schedule.isRunning()).isTrue();
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void runsAPassAtOnceWhenAnAlertChangedInsteadOfAtTheNextTick() {
        when(dispatcher.dispatch(any())).thenReturn(Mono.empty());
        when(worker.deliverDue(any())).thenReturn(Mono.empty());
        NotificationSchedule schedule = schedule(true, Duration.ofHours(1));

        schedule.start();
        try {
            verifyNoInteractions(dispatcher, worker);
            schedule.onAlertsChanged(new AlertsChanged());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                verify(dispatcher).dispatch(NOW);
                verify(worker).deliverDue(NOW);
            });
        } finally {
            schedule.stop();
        }
    }

    @Test
    void doesNothingWhenDisabled() {
        NotificationSchedule schedule = schedule(false);

        schedule.start();

        assertThat(schedule.isRunning()).isFalse();
        verifyNoInteractions(dispatcher, worker);
    }

    private NotificationSchedule schedule(boolean enabled) {
        return schedule(enabled, Duration.ofMillis(20));
    }

    private NotificationSchedule schedule(boolean enabled, Duration interval) {
        AlertingProperties.Notifications settings = new AlertingProperties.Notifications(enabled,
                interval, Duration.ofSeconds(1), 3, Duration.ofSeconds(1), Duration.ofSeconds(10), 10,
                "http://localhost:8080");
        AlertingProperties properties = new AlertingProperties(Duration.ofSeconds(30), null, null, null, null,
                List.of(), settings, null, null, null, null, null, null);
        return new NotificationSchedule(dispatcher, worker, Clock.fixed(NOW, ZoneOffset.UTC), properties);
    }
}
