/**
 * The hash chain: every captured record becomes an {@code audit_event} row with the next sequence number,
 * the hash of the row before it and its own hash over its contents. Appending is serialised on the chain
 * head row; verification re-walks the chain page by page and names the first row that does not hold.
 */
package io.adpulse.audit.chain;
