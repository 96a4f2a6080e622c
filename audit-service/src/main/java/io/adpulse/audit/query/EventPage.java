package io.adpulse.audit.query;

import java.util.List;

/**
 * One page of audit entries in the requested order; {@code nextCursor} goes into {@code after} to get the
 * next page and is {@code null} on the last page.
 */
record EventPage(List<AuditEventView> items, String order, String nextCursor) {
}
