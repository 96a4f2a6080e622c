package io.adpulse.events;

import java.time.Instant;

/**
 * audit-service committed to its hash chain up to entry {@code sequence}, whose hash is {@code headHash}. Checkpoints
 * form their own chain: {@code previousSequence}/{@code previousCheckpointHash} name the checkpoint before (0 and 64
 * zeros for the first). {@code checkpointHash} is the lower-case hex SHA-256 over, in this order, the texts
 * {@code adpulse-audit-checkpoint/v1}, {@code sequence}, {@code headHash}, {@code entries}, {@code checkpointedAt}
 * (ISO-8601 UTC), {@code previousSequence} and {@code previousCheckpointHash}, each written as a byte {@code 1}, its
 * UTF-8 length as a 4-byte big-endian integer and its bytes: anyone can recompute it, and an anchored copy (a
 * transparency log, a notary, a WORM bucket) proves later that the chain up to {@code sequence} was not rewritten.
 *
 * @param entries entries appended since the previous checkpoint ({@code sequence - previousSequence})
 */
public record AuditCheckpointed(long sequence, String headHash, long entries, Instant checkpointedAt,
        long previousSequence, String previousCheckpointHash, String checkpointHash) {
}
