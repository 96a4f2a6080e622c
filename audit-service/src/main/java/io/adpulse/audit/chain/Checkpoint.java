package io.adpulse.audit.chain;

import java.time.Instant;

/**
 * A stored checkpoint: the chain up to entry {@code sequence} ended in {@code headHash} at {@code checkpointedAt};
 * {@code entries} were appended since the checkpoint before ({@code previousSequence}, 0 for the first), whose hash is
 * {@code previousCheckpointHash} ({@link ChainHasher#GENESIS} for the first). {@code checkpointHash} commits to all of
 * it ({@link ChainHasher#checkpointHash}); {@code publishedAt} is when Kafka acknowledged it on
 * {@code audit.checkpoints.v1}, null until then.
 */
public record Checkpoint(long sequence, String headHash, long entries, Instant checkpointedAt, long previousSequence,
        String previousCheckpointHash, String checkpointHash, Instant publishedAt) {

    /** The hash this checkpoint's contents give; differs from {@link #checkpointHash} when the row was altered. */
    String expectedHash() {
        return ChainHasher.checkpointHash(sequence, headHash, entries, checkpointedAt, previousSequence,
                previousCheckpointHash);
    }
}
