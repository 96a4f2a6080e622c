/**
 * TikTok's webhook sender: notifications ({@code authorization.removed}, {@code post.publish.*}, …) posted to the
 * app's callback URL with the body TikTok sends (the {@code content} double-encoded as a JSON string) and the
 * {@code TikTok-Signature: t=…,s=…} header (HMAC-SHA256 over {@code t.body} with the app secret), retried with
 * backoff like TikTok; and test controls to send duplicates, bad or stale signatures.
 */
package io.adpulse.sandbox.webhook;
