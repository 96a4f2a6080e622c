package io.adpulse.reporting.organic;

import java.time.Instant;

/** Sums over a creator's videos; a null sum had a missing input (or no video at all). */
record OrganicTotals(long videos, Long views, Long likes, Long comments, Long shares, Instant lastObservedAt) {
}
