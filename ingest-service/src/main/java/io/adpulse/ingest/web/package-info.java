/** The operations API under {@code /api/ingest}: connections with their last sync, and on-demand syncs. */
package io.adpulse.ingest.web;
