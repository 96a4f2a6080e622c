package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.schedule.PeriodicTask;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Evaluates every paced campaign every {@code adpulse.alerting.evaluation-interval}: expected spend grows
 * with the time of day even when no new observation arrives, and a local day that ends resolves its
 * alerts. A sweep that is still running when the next tick comes swallows that tick rather than queueing it.
 */
@Component
class PacingSchedule extends PeriodicTask {

    private final PacingEvaluator evaluator;
    private final Clock clock;

    PacingSchedule(PacingEvaluator evaluator, Clock clock, AlertingProperties properties) {
        super("pacing sweep", properties.evaluationInterval());
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Override
    protected Mono<Void> runOnce() {
        return evaluator.evaluateAll(clock.instant());
    }
}
