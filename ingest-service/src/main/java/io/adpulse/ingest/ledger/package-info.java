/**
 * Publish only what changed. The ledger keeps, per fact key (an entity, or a metric's natural key), a
 * hash of the values last published and that event's id. An observation whose values hash the same is
 * skipped, so repeated polls publish nothing, while a restatement (TikTok changing a past day) becomes a
 * new event. The ledger is written after the broker acknowledged the event: a crash in between
 * re-publishes the same event (same id) on the next sync, never loses one.
 */
package io.adpulse.ingest.ledger;
