package io.adpulse.audit.chain;

/**
 * The outcome of re-walking the chain up to the head read when verification started.
 *
 * @param valid                    whether every entry up to the head holds, every stored checkpoint matches the
 *                                 chain and itself, and the head is the last entry
 * @param checked                  entries found intact, from the first, before the first break (all when valid);
 *                                 pruned entries count when they link
 * @param firstBrokenSequence      the first sequence that does not hold (missing, altered, mislinked, pruned without
 *                                 a checkpoint, not matching its checkpoint, or the head not matching the last
 *                                 entry); {@code null} when valid or when only a checkpoint itself is broken
 * @param problem                  what is wrong; {@code null} when valid
 * @param headSequence             the head's sequence
 * @param headHash                 the head's hash
 * @param pruned                   pruned access-log entries walked (their hash is checked by links and checkpoints)
 * @param checkpoints              checkpoints the walk matched
 * @param lastCheckpointSequence   the last checkpoint the walk matched: the chain up to it is what its anchored copy
 *                                 proves; {@code null} when none matched
 * @param brokenCheckpointSequence the checkpoint that does not hold (altered, mislinked, or the chain was rewritten
 *                                 before it); {@code null} otherwise
 */
public record Verification(boolean valid, long checked, Long firstBrokenSequence, String problem,
        long headSequence, String headHash, long pruned, long checkpoints, Long lastCheckpointSequence,
        Long brokenCheckpointSequence) {
}
