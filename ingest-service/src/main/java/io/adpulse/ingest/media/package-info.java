/** Videos operators upload for posting, stored in PostgreSQL in chunks (files travel over HTTP, never Kafka). */
package io.adpulse.ingest.media;
