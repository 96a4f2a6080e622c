/**
 * Listing the audit log over HTTP: {@code GET /api/audit/events} with filters, newest first or oldest first,
 * paged by a sequence cursor.
 */
package io.adpulse.audit.query;
