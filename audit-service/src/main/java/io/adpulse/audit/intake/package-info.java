/**
 * Kafka intake: one batch listener over every Adpulse topic that captures each record and appends the batch
 * to the audit log, and the container error handler that retries what cannot be stored and, as a last
 * resort, dead-letters it.
 */
package io.adpulse.audit.intake;
