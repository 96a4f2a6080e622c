/**
 * Opening access tokens that auth-service sealed for transit. Tokens stay sealed everywhere at rest
 * (the {@code connection} table keeps the ciphertext); they are opened in memory only for the duration
 * of a TikTok call, and the opened value never reaches a log, a topic or an error message.
 */
package io.adpulse.ingest.token;
