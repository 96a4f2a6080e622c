package io.adpulse.audit.chain;

import io.adpulse.audit.capture.CapturedRecord;
import java.time.Instant;

/** One row of the chain: a captured record at its place, linked to the row before by {@code prevHash}. */
public record ChainEntry(long sequence, Instant recordedAt, CapturedRecord record, String prevHash, String hash) {

    /** Whether {@code hash} is the hash of this row's contents after {@code previousHash}. */
    boolean holdsAfter(String previousHash) {
        return hash.equals(ChainHasher.hash(previousHash, sequence, recordedAt, record));
    }
}
