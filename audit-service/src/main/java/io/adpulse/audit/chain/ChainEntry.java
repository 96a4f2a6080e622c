package io.adpulse.audit.chain;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.capture.PayloadEncoding;
import java.time.Instant;

/**
 * One row of the chain: a captured record at its place, linked to the row before by {@code prevHash}.
 * {@code format} is the hash format (1: the payload is hashed; 2: its digest is, {@link ChainHasher#FORMAT_V2}).
 * {@code storedEncoding} and {@code payloadDigest} are the payload's encoding and digest as appended (format 2);
 * {@code erasedBy} is the sequence of the erasure request that removed the payload since, or null. An erased entry's
 * {@code record} has no payload (encoding {@code NONE}). {@code prunedAt} is when the access-log retention reduced the
 * entry to a stub (sequence, times, topic, Kafka coordinates, type, validity and hashes; see {@code V3} migration), or
 * null; a stub's hash cannot be recomputed, only its links and the checkpoints after it are checked.
 */
public record ChainEntry(long sequence, Instant recordedAt, CapturedRecord record, String prevHash, String hash,
        int format, PayloadEncoding storedEncoding, String payloadDigest, Long erasedBy, Instant prunedAt) {

    /** A format 2 entry about to be appended: its hash covers the payload's digest. */
    static ChainEntry append(long sequence, Instant recordedAt, CapturedRecord record, String prevHash) {
        String digest = ChainHasher.payloadDigest(record.payload());
        String hash = ChainHasher.hashV2(prevHash, sequence, recordedAt, record, record.payloadEncoding().name(),
                digest);
        return new ChainEntry(sequence, recordedAt, record, prevHash, hash, 2, record.payloadEncoding(), digest, null,
                null);
    }

    /** Whether the access-log retention pruned the entry to a stub. */
    public boolean pruned() {
        return prunedAt != null;
    }

    /** Whether the payload was erased (privacy) after the entry was appended. */
    public boolean erased() {
        return erasedBy != null;
    }

    /**
     * Why this row's {@code hash} is not the hash of its contents after {@code previousHash}, or null when it is.
     * A format 2 row that still has its payload must also match the digest it was appended with.
     */
    String problemAfter(String previousHash) {
        if (format == 1) {
            return erased() ? "a format 1 entry cannot be erased"
                    : hash.equals(ChainHasher.hash(previousHash, sequence, recordedAt, record)) ? null : ALTERED;
        }
        if (!erased()) {
            if (record.payloadEncoding() != storedEncoding) {
                return ALTERED;
            }
            String digest = ChainHasher.payloadDigest(record.payload());
            if (digest == null ? payloadDigest != null : !digest.equals(payloadDigest)) {
                return ALTERED;
            }
        }
        return hash.equals(ChainHasher.hashV2(previousHash, sequence, recordedAt, record,
                storedEncoding == null ? null : storedEncoding.name(), payloadDigest)) ? null : ALTERED;
    }

    private static final String ALTERED = "its contents were altered";
}
