/**
 * Transactional outbox: events are written as rows in the same R2DBC transaction as the state
 * change they announce, and a relay publishes them to Kafka in commit order and marks them. So an
 * event is never lost when Kafka is down, and never published for a change that rolled back.
 */
package io.adpulse.auth.outbox;
