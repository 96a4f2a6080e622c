package io.adpulse.audit.chain;

import java.time.Instant;

/**
 * The last entry of the chain: its sequence (0 while the chain is empty) and hash ({@link ChainHasher#GENESIS}
 * while empty). Whoever keeps a copy of a head can later check that the chain still leads to it.
 */
public record ChainHead(long sequence, String hash, Instant updatedAt) {
}
