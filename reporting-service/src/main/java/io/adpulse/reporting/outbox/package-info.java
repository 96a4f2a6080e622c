/**
 * The transactional outbox of the service (events written with the state they announce, published afterwards by a
 * relay) and the periodic task both the relay and the report schedule run on.
 */
package io.adpulse.reporting.outbox;
