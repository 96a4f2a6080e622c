/**
 * Comments of the creators' videos in the shape of TikTok's Business API for organic accounts: list, reply, hide.
 */
package io.adpulse.sandbox.comments;
