package io.adpulse.audit.chain;

import io.adpulse.audit.config.AuditProperties;
import io.adpulse.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
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
 * <p>The walk reads {@code verify.page-size} rows at a time by sequence (keyset paging) and keeps only the
 * running hash between pages, so memory does not grow with the chain; hashing runs on the parallel scheduler,
 * off the I/O threads. It stops at the first break. Entries
 * appended after the head was read are left for the next verification.
 */
@Service
class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);
    /** The event type an erased entry's {@code erased_by} must name. */
    private static final String ERASURE_REQUEST = EventType.PRIVACY_REQUESTED.type();

    private final DatabaseClient db;
    private final AuditLog auditLog;
    private final MeterRegistry meters;
    private final int pageSize;

    ChainVerifier(DatabaseClient db, AuditLog auditLog, MeterRegistry meters, AuditProperties properties) {
        this.db = db;
        this.auditLog = auditLog;
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
                    .flatMap(head -> Mono.just(Walk.start(head))
                            .expand(walk -> walk.finished() ? Mono.empty() : nextPage(walk))
                            .last()
                            .map(Walk::result))
                    .doOnNext(result -> {
                        sample.stop(meters.timer("adpulse.audit.verify", "valid", Boolean.toString(result.valid())));
                        if (!result.valid()) {
                            log.warn("audit chain broken at sequence {}: {}", result.firstBrokenSequence(),
                                    result.problem());
                        }
                    });
        });
    }

    private Mono<Walk> nextPage(Walk walk) {
        return db.sql("select " + ChainRows.COLUMNS + ", (select r.event_type from audit_event r"
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

    /** The state carried from page to page: where the walk is and the hash it expects next. */
    private record Walk(ChainHead head, long lastSequence, String lastHash, long checked, boolean finished,
            Long brokenAt, String problem) {

        static Walk start(ChainHead head) {
            return new Walk(head, 0, ChainHasher.GENESIS, 0, false, null, null);
        }

        Walk check(List<Row> rows, int pageSize) {
            long sequence = lastSequence;
            String hash = lastHash;
            long intact = checked;
            for (Row row : rows) {
                long expected = sequence + 1;
                long found = row.entry() != null ? row.entry().sequence() : row.unreadable().sequence();
                if (found != expected) {
                    return broken(sequence, hash, intact, expected, "entry " + expected + " is missing");
                }
                if (row.unreadable() != null) {
                    return broken(sequence, hash, intact, expected, row.unreadable().getMessage());
                }
                ChainEntry entry = row.entry();
                if (!entry.prevHash().equals(hash)) {
                    return broken(sequence, hash, intact, expected, "entry " + expected
                            + " does not link to the hash of the entry before it");
                }
                String problem = entry.problemAfter(hash);
                if (problem != null) {
                    return broken(sequence, hash, intact, expected, "entry " + expected
                            + " does not match its hash: " + problem);
                }
                if (entry.erased() && !row.erasedByRequest()) {
                    return broken(sequence, hash, intact, expected, "entry " + expected
                            + " was erased without an erasure request at entry " + entry.erasedBy());
                }
                sequence = expected;
                hash = entry.hash();
                intact++;
            }
            if (rows.size() == pageSize && sequence < head.sequence()) {
                return new Walk(head, sequence, hash, intact, false, null, null);
            }
            if (sequence != head.sequence()) {
                return broken(sequence, hash, intact, sequence + 1, "the head names entry " + head.sequence()
                        + " but the chain ends at entry " + sequence);
            }
            if (!hash.equals(head.hash())) {
                return broken(sequence, hash, intact, head.sequence(), "the head's hash is not the hash of entry "
                        + head.sequence());
            }
            return new Walk(head, sequence, hash, intact, true, null, null);
        }

        private Walk broken(long sequence, String hash, long intact, long at, String why) {
            return new Walk(head, sequence, hash, intact, true, at, why);
        }

        Verification result() {
            return new Verification(brokenAt == null, checked, brokenAt, problem, head.sequence(), head.hash());
        }
    }
}
