package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evaluates every paced campaign every {@code adpulse.alerting.evaluation-interval}: expected spend grows
 * with the time of day even when no new observation arrives, and a local day that ends resolves its
 * alerts. A sweep that is still running when the next tick comes swallows that tick rather than queueing it.
 */
@Component
class PacingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PacingSchedule.class);

    private final PacingEvaluator evaluator;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable loop;

    PacingSchedule(PacingEvaluator evaluator, Clock clock, AlertingProperties properties) {
        this.evaluator = evaluator;
        this.clock = clock;
        this.interval = properties.evaluationInterval();
    }

    @Override
    public void start() {
        loop = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> evaluator.evaluateAll(clock.instant()).onErrorResume(e -> {
                    log.warn("pacing sweep failed, will run again in {}: {}", interval, e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
