/**
 * Direct Posts to creator accounts through TikTok's Content Posting API: stored once, sent at their time, followed to
 * PUBLISH_COMPLETE or FAILED by status checks and {@code post.publish.*} webhooks.
 */
package io.adpulse.ingest.posting;
