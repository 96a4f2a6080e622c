/**
 * Writes to TikTok: {@code POST /api/commands} accepts an operator's command (budget and status changes, creates,
 * publishing...), checks who may issue it and its shape, makes it idempotent on the caller's {@code Idempotency-Key},
 * and publishes it on {@code tiktok.commands.v1} for ingest-service, which executes it and answers on
 * {@code tiktok.command-results.v1}; its status is read at {@code /api/ingest/commands/{id}}.
 */
package io.adpulse.gateway.command;
