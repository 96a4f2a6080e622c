package io.adpulse.audit.chain;

/**
 * The outcome of re-walking the chain up to the head read when verification started.
 *
 * @param valid               whether every entry up to the head holds and the head is the last entry
 * @param checked             entries found intact, from the first, before the first break (all when valid)
 * @param firstBrokenSequence the first sequence that does not hold (missing, altered, mislinked, or the head
 *                            not matching the last entry); {@code null} when valid
 * @param problem             what is wrong at {@code firstBrokenSequence}; {@code null} when valid
 * @param headSequence        the head's sequence
 * @param headHash            the head's hash
 */
public record Verification(boolean valid, long checked, Long firstBrokenSequence, String problem,
        long headSequence, String headHash) {
}
