package io.adpulse.audit.chain;

import io.adpulse.events.Topics;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checkpoints of the chain. {@link #record} stores one for the current head when the chain grew since the last one
 * (by more than the entries of audit-service's own checkpoint records);
 * it locks the head row like an append, so checkpoints of several instances never interleave and each names an
 * existing entry. The intake publishes the {@link #unpublished} ones on {@code audit.checkpoints.v1} and
 * {@link #markPublished marks} each once Kafka acknowledged it.
 */
@Service
public class Checkpoints {

    /** Record key of every published checkpoint: one key keeps them in order on one partition. */
    public static final String KEY = "audit-chain";

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final String COLUMNS = "sequence, head_hash, entries, checkpointed_at, previous_sequence, "
            + "previous_checkpoint_hash, checkpoint_hash, published_at";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Checkpoints(DatabaseClient db, ReactiveTransactionManager transactionManager) {
        this.db = db;
        this.transactions = TransactionalOperator.create(transactionManager);
        this.clock = Clock.systemUTC();
    }

    /** Stores a checkpoint of the current head; empty when the chain did not grow since the last checkpoint. */
    public Mono<Checkpoint> record() {
        Mono<Checkpoint> work = db.sql("select sequence, hash, updated_at from audit_chain_head for update")
                .map(ChainRows::head).one()
                .flatMap(head -> latest()
                        .map(last -> new Previous(last.sequence(), last.checkpointHash()))
                        .defaultIfEmpty(new Previous(0, ChainHasher.GENESIS))
                        .filterWhen(previous -> grewSince(previous.sequence(), head.sequence()))
                        .flatMap(previous -> insert(head, previous)));
        return transactions.transactional(work)
                .doOnNext(c -> log.info("Checkpoint of the audit chain at entry {} ({} new entries): {}",
                        c.sequence(), c.entries(), c.checkpointHash()));
    }

    /**
     * Whether entries other than checkpoints were appended after {@code previous} up to {@code head}. audit-service
     * appends its own checkpoints too (it audits every topic); without this, each checkpoint's entry would call for
     * the next checkpoint, one per interval forever on an idle chain.
     */
    private Mono<Boolean> grewSince(long previous, long head) {
        if (head <= previous) {
            return Mono.just(false);
        }
        return db.sql("select exists (select 1 from audit_event where sequence > :previous and sequence <= :head "
                        + "and topic <> :checkpoints)")
                .bind("previous", previous)
                .bind("head", head)
                .bind("checkpoints", Topics.AUDIT_CHECKPOINTS)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one();
    }

    private Mono<Checkpoint> insert(ChainHead head, Previous previous) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long entries = head.sequence() - previous.sequence();
        String hash = ChainHasher.checkpointHash(head.sequence(), head.hash(), entries, at, previous.sequence(),
                previous.hash());
        Checkpoint checkpoint = new Checkpoint(head.sequence(), head.hash(), entries, at, previous.sequence(),
                previous.hash(), hash, null);
        return db.sql("insert into audit_checkpoint (" + COLUMNS + ") values (:sequence, :headHash, :entries, :at, "
                        + ":previousSequence, :previousHash, :hash, null)")
                .bind("sequence", checkpoint.sequence())
                .bind("headHash", checkpoint.headHash())
                .bind("entries", entries)
                .bind("at", at)
                .bind("previousSequence", previous.sequence())
                .bind("previousHash", previous.hash())
                .bind("hash", hash)
                .fetch().rowsUpdated()
                .thenReturn(checkpoint);
    }

    /** The checkpoints Kafka has not acknowledged yet, oldest first. */
    public Flux<Checkpoint> unpublished() {
        return db.sql("select " + COLUMNS + " from audit_checkpoint where published_at is null order by sequence")
                .map(Checkpoints::read).all();
    }

    /** Records that Kafka acknowledged the checkpoint at {@code sequence}. */
    public Mono<Void> markPublished(long sequence) {
        return db.sql("update audit_checkpoint set published_at = now() where sequence = :sequence "
                        + "and published_at is null")
                .bind("sequence", sequence)
                .fetch().rowsUpdated()
                .then();
    }

    /** The latest checkpoint, if any. */
    public Mono<Checkpoint> latest() {
        return db.sql("select " + COLUMNS + " from audit_checkpoint order by sequence desc limit 1")
                .map(Checkpoints::read).one();
    }

    /** The latest {@code limit} checkpoints, newest first. */
    public Flux<Checkpoint> recent(int limit) {
        return db.sql("select " + COLUMNS + " from audit_checkpoint order by sequence desc limit :limit")
                .bind("limit", limit)
                .map(Checkpoints::read).all();
    }

    /** Every checkpoint up to entry {@code sequence}, oldest first. */
    Flux<Checkpoint> upTo(long sequence) {
        return db.sql("select " + COLUMNS + " from audit_checkpoint where sequence <= :sequence order by sequence")
                .bind("sequence", sequence)
                .map(Checkpoints::read).all();
    }

    private static Checkpoint read(Readable row) {
        return new Checkpoint(row.get("sequence", Long.class), row.get("head_hash", String.class),
                row.get("entries", Long.class), row.get("checkpointed_at", Instant.class),
                row.get("previous_sequence", Long.class), row.get("previous_checkpoint_hash", String.class),
                row.get("checkpoint_hash", String.class), row.get("published_at", Instant.class));
    }

    private record Previous(long sequence, String hash) {
    }
}
