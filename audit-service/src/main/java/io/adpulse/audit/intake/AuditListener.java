package io.adpulse.audit.intake;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.capture.RecordCapture;
import io.adpulse.audit.chain.AuditLog;
import io.adpulse.audit.config.AuditProperties;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Appends every record of every topic in {@link io.adpulse.events.Topics#ALL} to the audit log, a poll's
 * batch at a time in one transaction. Invalid records are appended too (flagged), so only a record that
 * cannot be stored at all ever fails: then the batch is appended again record by record, the ones before
 * the failing record are kept, and the failing one is reported by its index, for the container's error
 * handler to retry and finally dead-letter.
 *
 * <p>Once a batch is in the chain, each erasure request in it ({@code privacy.requests.v1}) is applied
 * ({@link ErasureIntake}); one that fails is reported by its index like a record that cannot be stored, and its
 * redelivery appends nothing again but applies the erasure again, which is idempotent.
 *
 * <p>The listener is synchronous and waits on the append (up to {@code append-timeout}) on the Kafka
 * consumer thread, so offsets are committed only once the batch is in the chain. One consumer thread per
 * instance makes it the single writer of that instance; instances serialise on the chain head lock.
 */
@Component
class AuditListener {

    /** Listener container id, for operations that stop or restart the intake. */
    static final String ID = "audit-intake";

    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    private final RecordCapture capture;
    private final AuditLog auditLog;
    private final ErasureIntake erasures;
    private final Duration timeout;

    AuditListener(RecordCapture capture, AuditLog auditLog, ErasureIntake erasures, AuditProperties properties) {
        this.capture = capture;
        this.auditLog = auditLog;
        this.erasures = erasures;
        this.timeout = properties.appendTimeout();
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "#{T(io.adpulse.events.Topics).ALL}", batch = "true")
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<CapturedRecord> captured = records.stream().map(capture::capture).toList();
        appendAll(records, captured);
        for (int i = 0; i < records.size(); i++) {
            if (erasures.isErasureRequest(captured.get(i))) {
                try {
                    erasures.apply(records.get(i), timeout);
                } catch (RuntimeException failure) {
                    ConsumerRecord<String, byte[]> record = records.get(i);
                    throw new BatchListenerFailedException("erasure " + record.topic() + "-" + record.partition()
                            + "@" + record.offset() + " failed", failure, i);
                }
            }
        }
    }

    private void appendAll(List<ConsumerRecord<String, byte[]>> records, List<CapturedRecord> captured) {
        try {
            append(captured);
        } catch (RuntimeException batchFailure) {
            log.warn("appending a batch of {} records failed ({}); appending them one by one", captured.size(),
                    batchFailure.toString());
            for (int i = 0; i < captured.size(); i++) {
                try {
                    append(List.of(captured.get(i)));
                } catch (RuntimeException failure) {
                    ConsumerRecord<String, byte[]> record = records.get(i);
                    throw new BatchListenerFailedException("record " + record.topic() + "-" + record.partition()
                            + "@" + record.offset() + " cannot be stored", failure, i);
                }
            }
        }
    }

    private void append(List<CapturedRecord> batch) {
        auditLog.append(batch).block(timeout);
    }
}
