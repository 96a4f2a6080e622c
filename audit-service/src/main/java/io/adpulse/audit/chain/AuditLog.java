package io.adpulse.audit.chain;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only audit log. Rules:
 * <ul>
 * <li>A record is stored at most once: its Kafka coordinates (topic, partition, offset) identify it, so a
 * redelivery appends nothing (and is counted as a duplicate).</li>
 * <li>Appends are serialised: each runs in one transaction that first locks the chain head row
 * ({@code SELECT ... FOR UPDATE}), so entries get consecutive sequence numbers and each links to the one
 * before, however many instances append at once.</li>
 * <li>A batch is all or nothing: its entries and the moved head commit together.</li>
 * </ul>
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private static final String INSERT = "insert into audit_event (" + ChainRows.COLUMNS + ") values (:sequence, "
            + ":recordedAt, :topic, :partition, :offset, :key, :eventId, :eventType, :subject, :eventTime, :actor, "
            + ":route, :decision, :valid, :invalidReason, :redactedFields, :payloadEncoding, :payload, :prevHash, :hash, :hashFormat, :payloadDigest, :erasedBy)";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final MeterRegistry meters;
    private final AtomicLong headSequence = new AtomicLong();

    AuditLog(DatabaseClient db, ReactiveTransactionManager transactionManager, MeterRegistry meters) {
        this.db = db;
        this.transactions = TransactionalOperator.create(transactionManager);
        this.meters = meters;
        // Every series exists from the start at zero, so rate() and the alerts on them work before the first event.
        for (String topic : Topics.ALL) {
            meters.counter("adpulse.audit.duplicates", "topic", topic);
            meters.counter("adpulse.audit.redacted", "topic", topic);
        }
        meters.gauge("adpulse.audit.chain.head", headSequence);
    }

    /** Appends the records not stored yet, in order, as one transaction. */
    public Mono<AppendResult> append(List<CapturedRecord> records) {
        if (records.isEmpty()) {
            return Mono.just(new AppendResult(List.of(), List.of()));
        }
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            Mono<AppendResult> work = lockHead().flatMap(head -> alreadyStored(records)
                    .flatMap(stored -> appendFresh(head, records, stored)));
            return transactions.transactional(work)
                    .doOnSuccess(result -> {
                        sample.stop(meters.timer("adpulse.audit.append", "outcome", "committed"));
                        recordMetrics(result);
                    })
                    .doOnError(failure -> sample.stop(meters.timer("adpulse.audit.append", "outcome", "failed")));
        });
    }

    /** The head as last committed. */
    public Mono<ChainHead> head() {
        return db.sql("select sequence, hash, updated_at from audit_chain_head")
                .map(ChainRows::head)
                .one()
                .doOnNext(head -> headSequence.set(head.sequence()));
    }

    private Mono<ChainHead> lockHead() {
        return db.sql("select sequence, hash, updated_at from audit_chain_head for update")
                .map(ChainRows::head)
                .one()
                .switchIfEmpty(Mono.error(new IllegalStateException("audit_chain_head has no row: run the migrations")));
    }

    /** The coordinates among {@code records} that are already in the log. */
    private Mono<Set<Coordinates>> alreadyStored(List<CapturedRecord> records) {
        return db.sql("""
                        select e.topic, e.kafka_partition, e.kafka_offset
                        from audit_event e
                        join unnest(cast(:topics as text[]), cast(:partitions as integer[]), cast(:offsets as bigint[]))
                          as r(topic, kafka_partition, kafka_offset)
                          on e.topic = r.topic and e.kafka_partition = r.kafka_partition and e.kafka_offset = r.kafka_offset
                        """)
                .bind("topics", records.stream().map(CapturedRecord::topic).toArray(String[]::new))
                .bind("partitions", records.stream().map(CapturedRecord::partition).toArray(Integer[]::new))
                .bind("offsets", records.stream().map(CapturedRecord::offset).toArray(Long[]::new))
                .map(row -> new Coordinates(row.get("topic", String.class), row.get("kafka_partition", Integer.class),
                        row.get("kafka_offset", Long.class)))
                .all()
                .collect(HashSet::new, Set::add);
    }

    private Mono<AppendResult> appendFresh(ChainHead head, List<CapturedRecord> records, Set<Coordinates> stored) {
        Set<Coordinates> seen = new HashSet<>(stored);
        List<CapturedRecord> duplicates = new ArrayList<>();
        List<ChainEntry> entries = new ArrayList<>();
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long sequence = head.sequence();
        String previous = head.hash();
        for (CapturedRecord record : records) {
            if (!seen.add(Coordinates.of(record))) {
                duplicates.add(record);
                continue;
            }
            sequence++;
            ChainEntry entry = ChainEntry.append(sequence, recordedAt, record, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        if (entries.isEmpty()) {
            return Mono.just(new AppendResult(entries, duplicates));
        }
        ChainEntry last = entries.get(entries.size() - 1);
        return Flux.fromIterable(entries).concatMap(this::insert)
                .then(db.sql("update audit_chain_head set sequence = :sequence, hash = :hash, updated_at = now()")
                        .bind("sequence", last.sequence())
                        .bind("hash", last.hash())
                        .fetch().rowsUpdated())
                .thenReturn(new AppendResult(entries, duplicates));
    }

    private Mono<Long> insert(ChainEntry entry) {
        CapturedRecord r = entry.record();
        DatabaseClient.GenericExecuteSpec spec = db.sql(INSERT)
                .bind("sequence", entry.sequence())
                .bind("recordedAt", entry.recordedAt())
                .bind("topic", r.topic())
                .bind("partition", r.partition())
                .bind("offset", r.offset())
                .bind("valid", r.valid())
                .bind("redactedFields", r.redactedFields().toArray(String[]::new))
                .bind("payloadEncoding", r.payloadEncoding().name())
                .bind("prevHash", entry.prevHash())
                .bind("hash", entry.hash())
                .bind("hashFormat", (short) entry.format())
                .bindNull("erasedBy", Long.class);
        spec = bindNullable(spec, "payloadDigest", entry.payloadDigest(), String.class);
        spec = bindNullable(spec, "key", r.key(), String.class);
        spec = bindNullable(spec, "eventId", r.eventId(), String.class);
        spec = bindNullable(spec, "eventType", r.eventType(), String.class);
        spec = bindNullable(spec, "subject", r.subject(), String.class);
        spec = bindNullable(spec, "eventTime", r.eventTime(), Instant.class);
        spec = bindNullable(spec, "actor", r.actor(), String.class);
        spec = bindNullable(spec, "route", r.route(), String.class);
        spec = bindNullable(spec, "decision", r.decision(), String.class);
        spec = bindNullable(spec, "invalidReason", r.invalidReason(), String.class);
        spec = bindNullable(spec, "payload", r.payload(), String.class);
        return spec.fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private void recordMetrics(AppendResult result) {
        for (ChainEntry entry : result.appended()) {
            CapturedRecord r = entry.record();
            meters.counter("adpulse.audit.appended", "topic", r.topic(), "valid", Boolean.toString(r.valid()))
                    .increment();
            if (!r.redactedFields().isEmpty()) {
                meters.counter("adpulse.audit.redacted", "topic", r.topic()).increment();
            }
            if (!r.valid()) {
                log.info("appended invalid record {}-{}@{} as entry {}: {}", r.topic(), r.partition(), r.offset(),
                        entry.sequence(), r.invalidReason());
            }
        }
        for (CapturedRecord duplicate : result.duplicates()) {
            meters.counter("adpulse.audit.duplicates", "topic", duplicate.topic()).increment();
            log.debug("record {}-{}@{} is already in the audit log", duplicate.topic(), duplicate.partition(),
                    duplicate.offset());
        }
        if (!result.appended().isEmpty()) {
            headSequence.set(result.appended().get(result.appended().size() - 1).sequence());
        }
    }

    private record Coordinates(String topic, int partition, long offset) {

        static Coordinates of(CapturedRecord record) {
            return new Coordinates(record.topic(), record.partition(), record.offset());
        }
    }
}
