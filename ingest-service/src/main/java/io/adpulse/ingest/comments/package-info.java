/** Comment triage for creator connections' recent videos: the queue, assignment, handling, replies and hides. */
package io.adpulse.ingest.comments;
