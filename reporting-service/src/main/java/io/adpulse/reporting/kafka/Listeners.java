package io.adpulse.reporting.kafka;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The one place where a reactive effect is awaited: listener methods run on a Kafka consumer thread, never on a
 * Netty or Reactor thread, and wait there for their effect so that a failure reaches the container's error handler
 * (retries, then {@code <topic>.dlt}) before the offset is committed. Spring Kafka 4.0 does not route the failure
 * of a {@code Mono}-returning record listener to the error handler: it logs and acknowledges it, which would lose
 * the record.
 */
public final class Listeners {

    /** Longest wait for one record's effect; well below {@code max.poll.interval.ms}. */
    public static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private Listeners() {
    }

    /** Waits for {@code effect} on the calling consumer thread, rethrowing its failure. */
    public static void await(Mono<?> effect) {
        effect.block(EFFECT_TIMEOUT);
    }
}
