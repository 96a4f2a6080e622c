package io.adpulse.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.capture.RecordCapture;
import io.adpulse.audit.chain.AppendResult;
import io.adpulse.audit.chain.AuditLog;
import io.adpulse.audit.config.AuditProperties;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.adpulse.audit.chain.PayloadEraser;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Mono;

class AuditListenerTest {

    private static final AppendResult NOTHING = new AppendResult(List.of(), List.of());

    private final AuditLog auditLog = mock(AuditLog.class);
    @SuppressWarnings("unchecked")
    private final AuditListener listener = new AuditListener(new RecordCapture(new EventCodec()), auditLog,
            new ErasureIntake(new EventCodec(), mock(PayloadEraser.class), mock(KafkaTemplate.class)),
            new AuditProperties(Duration.ofSeconds(5), new AuditProperties.Consumer(0, Duration.ZERO, Duration.ZERO),
                    new AuditProperties.Query(50, 500), new AuditProperties.Verify(500),
                    new AuditProperties.Checkpoint(Duration.ofHours(1), Duration.ofSeconds(10)),
                    new AuditProperties.Retention(Duration.ofDays(365), Duration.ofHours(1), 5000)));

    private static List<ConsumerRecord<String, byte[]>> records(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new ConsumerRecord<>(Topics.ALERTS, 0, 10L + i, "k", ("v" + i).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    @Test
    void appendsAWholeBatchInOneGoAndInOrder() {
        when(auditLog.append(anyList())).thenReturn(Mono.just(NOTHING));

        listener.onRecords(records(3));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<CapturedRecord>> batch = ArgumentCaptor.forClass(List.class);
        verify(auditLog, times(1)).append(batch.capture());
        assertThat(batch.getValue()).extracting(CapturedRecord::offset).containsExactly(10L, 11L, 12L);
        assertThat(batch.getValue()).allMatch(r -> !r.valid(), "plain text is not a CloudEvent");
    }

    @Test
    void whenABatchCannotBeStoredKeepsTheRecordsBeforeTheFailingOneAndNamesItsIndex() {
        when(auditLog.append(anyList())).thenAnswer(call -> {
            List<CapturedRecord> batch = call.getArgument(0);
            boolean failing = batch.stream().anyMatch(r -> r.offset() == 11L);
            return failing ? Mono.error(new IllegalStateException("value too long")) : Mono.just(NOTHING);
        });

        assertThatThrownBy(() -> listener.onRecords(records(3)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("alerts.v1-0@11 cannot be stored")
                .hasRootCauseMessage("value too long");
        verify(auditLog, times(3)).append(anyList());
    }
}
