package io.adpulse.audit.chain;

import io.adpulse.audit.config.AuditProperties;
import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Re-walks the chain from the first entry to the head and reports the first entry that does not hold.
 * An entry holds when its sequence is the next one (no entry missing), its {@code prev_hash} is the hash of
 * the entry before ({@link ChainHasher#GENESIS} for the first), and its {@code hash} is the hash of its own
 * contents after that (format 2: with the payload's digest, which a payload still present must match; an erased
 * entry must name an erasure request as {@code erased_by}). Finally the head must name the last entry and its hash.
 *
 * <p>Checkpoints: first every stored checkpoint up to the head must match its own {@code checkpoint_hash} and link to
 * the checkpoint before; then, during the walk, the entry a checkpoint names must have the hash it recorded. A chain
 * rewritten consistently (an entry altered and every hash after it recomputed, head included) passes the entry
 * checks but not the next checkpoint; rewriting the checkpoints too is what an anchored copy of them exposes.
 *
 * <p>Pruned access-log entries (retention) have no contents to hash: such a stub must be an access-log entry, link to
 * the entry before, and be followed by a checkpoint that matches; its stored hash carries the walk on, so the entry
 * after it must link to it.
 *
 * <p>The walk reads {@code verify.page-size} rows at a time by sequence (keyset paging) and keeps only the
 * running hash between pages, so memory does not grow with the chain (the checkpoints, one per interval, are held);
 * hashing runs on the parallel scheduler, off the I/O threads. It stops at the first break. Entries
 * appended after the head was read are left for the next verification.
 */
@Service
class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);
    /** The event type an erased entry's {@code erased_by} must name. */
    private static final String ERASURE_REQUEST = EventType.PRIVACY_REQUESTED.type();

    private final DatabaseClient db;
    private final AuditLog auditLog;
    private final Checkpoints checkpoints;
    private final MeterRegistry meters;
    private final int pageSize;

    ChainVerifier(DatabaseClient db, AuditLog auditLog, Checkpoints checkpoints, MeterRegistry meters,
            AuditProperties properties) {
        this.db = db;
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.meters = meters;
        // Both outcomes exist from the start, so the dashboards and alerts see a verification count of zero.
        meters.timer("adpulse.audit.verify", "valid", "true");
        meters.timer("adpulse.audit.verify", "valid", "false");
        this.pageSize = properties.verify().pageSize();
    }

    Mono<Verification> verify() {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return auditLog.head()
                    .flatMap(head -> checkpoints.upTo(head.sequence()).collectList().map(list -> Walk.start(head, list)))
                    .flatMap(start -> Mono.just(start)
                            .expand(walk -> walk.finished() ? Mono.empty() : nextPage(walk))
                            .last()
                            .map(Walk::result))
                    .doOnNext(result -> {
                        sample.stop(meters.timer("adpulse.audit.verify", "valid", Boolean.toString(result.valid())));
                        if (!result.valid()) {
                            log.warn("audit chain broken at sequence {} (checkpoint {}): {}",
                                    result.firstBrokenSequence(), result.brokenCheckpointSequence(), result.problem());
                        }
                    });
        });
    }

    private Mono<Walk> nextPage(Walk walk) {
        return db.sql("select " + ChainRows.READ_COLUMNS + ", (select r.event_type from audit_event r"
                        + " where r.sequence = audit_event.erased_by) as erased_by_type"
                        + " from audit_event where sequence > :after "
                        + "and sequence <= :head order by sequence limit :limit")
                .bind("after", walk.lastSequence())
                .bind("head", walk.head().sequence())
                .bind("limit", pageSize)
                .map(row -> {
                    boolean byRequest = ERASURE_REQUEST.equals(row.get("erased_by_type", String.class));
                    try {
                        return new Row(ChainRows.entry(row), null, byRequest);
                    } catch (UnreadableEntryException e) {
                        return new Row(null, e, byRequest);
                    }
                })
                .all()
                .collectList()
                .publishOn(Schedulers.parallel())
                .map(rows -> walk.check(rows, pageSize));
    }

    /** {@code erasedByRequest}: the entry named by the row's {@code erased_by} is an erasure request. */
    private record Row(ChainEntry entry, UnreadableEntryException unreadable, boolean erasedByRequest) {
    }

    /**
     * The state carried from page to page: where the walk is, the hash it expects next, the checkpoints (by
     * sequence), how many matched and the last that did, and the first pruned entry no matched checkpoint covers yet.
     */
    private record Walk(ChainHead head, TreeMap<Long, Checkpoint> checkpoints, long lastSequence, String lastHash,
            long checked, long pruned, long matched, Long lastCheckpoint, Long unanchoredPruned, boolean finished,
            Long brokenAt, Long brokenCheckpoint, String problem) {

        static Walk start(ChainHead head, List<Checkpoint> stored) {
            TreeMap<Long, Checkpoint> bySequence = new TreeMap<>();
            long previous = 0;
            String previousHash = ChainHasher.GENESIS;
            for (Checkpoint c : stored) {
                bySequence.put(c.sequence(), c);
                String problem = null;
                if (!c.checkpointHash().equals(c.expectedHash())) {
                    problem = "checkpoint " + c.sequence() + " does not match its own hash: it was altered";
                } else if (c.previousSequence() != previous || !c.previousCheckpointHash().equals(previousHash)) {
                    problem = "checkpoint " + c.sequence() + " names checkpoint " + c.previousSequence()
                            + " before it, but the checkpoint before it is " + (previous == 0 ? "none" : previous)
                            + ": a checkpoint was removed, added or altered";
                } else if (c.entries() != c.sequence() - c.previousSequence()) {
                    problem = "checkpoint " + c.sequence() + " counts " + c.entries() + " entries since checkpoint "
                            + c.previousSequence() + " instead of " + (c.sequence() - c.previousSequence());
                }
                if (problem != null) {
                    return new Walk(head, bySequence, 0, ChainHasher.GENESIS, 0, 0, 0, null, null, true, null,
                            c.sequence(), problem);
                }
                previous = c.sequence();
                previousHash = c.checkpointHash();
            }
            return new Walk(head, bySequence, 0, ChainHasher.GENESIS, 0, 0, 0, null, null, false, null, null, null);
        }

        Walk check(List<Row> rows, int pageSize) {
            long sequence = lastSequence;
            String hash = lastHash;
            long intact = checked;
            long stubs = pruned;
            long matchedSoFar = matched;
            Long lastMatched = lastCheckpoint;
            Long unanchored = unanchoredPruned;
            for (Row row : rows) {
                long expected = sequence + 1;
                Walk now = at(sequence, hash, intact, stubs, matchedSoFar, lastMatched, unanchored);
                long found = row.entry() != null ? row.entry().sequence() : row.unreadable().sequence();
                if (found != expected) {
                    return now.broken(expected, null, "entry " + expected + " is missing");
                }
                if (row.unreadable() != null) {
                    return now.broken(expected, null, row.unreadable().getMessage());
                }
                ChainEntry entry = row.entry();
                if (!entry.prevHash().equals(hash)) {
                    return now.broken(expected, null, "entry " + expected
                            + " does not link to the hash of the entry before it");
                }
                if (entry.pruned()) {
                    if (!Topics.AUDIT_ACCESS.equals(entry.record().topic())) {
                        return now.broken(expected, null, "entry " + expected + " of "
                                + entry.record().topic() + " lost its contents: only access-log entries are pruned");
                    }
                    stubs++;
                    if (unanchored == null) {
                        unanchored = expected;
                    }
                } else {
                    String problem = entry.problemAfter(hash);
                    if (problem != null) {
                        return now.broken(expected, null, "entry " + expected
                                + " does not match its hash: " + problem);
                    }
                    if (entry.erased() && !row.erasedByRequest()) {
                        return now.broken(expected, null, "entry " + expected
                                + " was erased without an erasure request at entry " + entry.erasedBy());
                    }
                }
                Checkpoint checkpoint = checkpoints.get(expected);
                if (checkpoint != null) {
                    if (!checkpoint.headHash().equals(entry.hash())) {
                        return now.broken(expected, expected, "entry " + expected
                                + " does not have the hash checkpoint " + expected + " recorded at "
                                + checkpoint.checkpointedAt() + ": the chain after "
                                + (lastMatched == null ? "its start" : "checkpoint " + lastMatched)
                                + " up to entry " + expected + " was rewritten");
                    }
                    matchedSoFar++;
                    lastMatched = expected;
                    unanchored = null;
                }
                sequence = expected;
                hash = entry.hash();
                intact++;
            }
            if (rows.size() == pageSize && sequence < head.sequence()) {
                return at(sequence, hash, intact, stubs, matchedSoFar, lastMatched, unanchored);
            }
            Walk done = at(sequence, hash, intact, stubs, matchedSoFar, lastMatched, unanchored);
            if (sequence != head.sequence()) {
                return done.broken(sequence + 1, null, "the head names entry "
                        + head.sequence() + " but the chain ends at entry " + sequence);
            }
            if (!hash.equals(head.hash())) {
                return done.broken(head.sequence(), null,
                        "the head's hash is not the hash of entry " + head.sequence());
            }
            if (unanchored != null) {
                return done.broken(unanchored, null, "entry " + unanchored
                        + " was pruned but no checkpoint after it matches the chain");
            }
            return new Walk(head, checkpoints, sequence, hash, intact, stubs, matchedSoFar, lastMatched, null, true,
                    null, null, null);
        }

        /** The walk at this point, not finished. */
        private Walk at(long sequence, String hash, long intact, long stubs, long matchedSoFar, Long lastMatched,
                Long unanchored) {
            return new Walk(head, checkpoints, sequence, hash, intact, stubs, matchedSoFar, lastMatched, unanchored,
                    false, null, null, null);
        }

        private Walk broken(long at, Long checkpoint, String why) {
            return new Walk(head, checkpoints, lastSequence, lastHash, checked, pruned, matched, lastCheckpoint,
                    unanchoredPruned, true, at, checkpoint, why);
        }

        Verification result() {
            boolean valid = brokenAt == null && brokenCheckpoint == null;
            return new Verification(valid, checked, brokenAt, problem, head.sequence(), head.hash(), pruned, matched,
                    lastCheckpoint, brokenCheckpoint);
        }
    }
}
