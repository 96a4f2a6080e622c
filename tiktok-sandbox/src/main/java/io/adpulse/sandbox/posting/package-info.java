/**
 * TikTok's Content Posting API (Direct Post): creator info, video init (file upload in chunks or pull from a URL),
 * the upload URL, publish status, and the {@code post.publish.*} webhooks.
 */
package io.adpulse.sandbox.posting;
