/**
 * TikTok webhooks: the public endpoint TikTok posts to, signature verification ({@code TikTok-Signature},
 * HMAC-SHA256 over {@code t.body} with the app's client secret), parsing of the double-encoded {@code content},
 * de-duplication of TikTok's retries, and exactly one {@code WebhookReceived} on {@code tiktok.webhooks.v1} per
 * notification through a small inbox table. Malformed bodies are answered 400 and kept on the dead-letter topic.
 */
package io.adpulse.ingest.webhook;
