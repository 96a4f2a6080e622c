/**
 * Writes to TikTok on behalf of a connected account: the consumer of {@code tiktok.commands.v1}, the {@code command}
 * table that makes execution idempotent, and the handler SPI ({@link io.adpulse.ingest.command.CommandHandler}, one
 * Spring bean per command kind). TikTok is reached through the {@link io.adpulse.ingest.command.TikTokWriter} port;
 * results go out on {@code tiktok.command-results.v1}.
 */
package io.adpulse.ingest.command;
