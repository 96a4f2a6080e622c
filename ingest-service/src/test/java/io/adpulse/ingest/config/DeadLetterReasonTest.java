package io.adpulse.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterReasonTest {

    @Test
    void reasonIsTheInvalidEventMessageEvenWhenTheContainerWrapsIt() {
        Throwable failure = new ListenerExecutionFailedException("Listener method 'onRecord' threw exception",
                new InvalidEventException("not a CloudEvents 1.0 JSON event: Unexpected end-of-input",
                        new IllegalStateException("parser detail")));

        assertThat(KafkaConfig.reason(failure)).isEqualTo("not a CloudEvents 1.0 JSON event: Unexpected end-of-input");
    }

    @Test
    void reasonOfAnyOtherFailureIsItsInnermostMessage() {
        Throwable failure = new ListenerExecutionFailedException("Listener method 'onRecord' threw exception",
                new IllegalStateException("Timeout on blocking read", new RuntimeException("connection refused")));

        assertThat(KafkaConfig.reason(failure)).isEqualTo("connection refused");
    }
}
