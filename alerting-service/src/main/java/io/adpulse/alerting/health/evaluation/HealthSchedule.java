package io.adpulse.alerting.health.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.schedule.PeriodicTask;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Evaluates the API-health rules every {@code adpulse.alerting.evaluation-interval}: staleness and expiry grow with
 * time, and API errors calm down without any new event.
 */
@Component
class HealthSchedule extends PeriodicTask {

    private final HealthEvaluator evaluator;
    private final Clock clock;

    HealthSchedule(HealthEvaluator evaluator, Clock clock, AlertingProperties properties) {
        super("health sweep", properties.evaluationInterval());
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Override
    protected Mono<Void> runOnce() {
        return evaluator.evaluateAll(clock.instant());
    }
}
