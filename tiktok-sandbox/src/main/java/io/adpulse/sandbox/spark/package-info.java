/**
 * Spark Ads: a creator's authorization code for one of their posts ({@code #...}, made in the TikTok app, here by the
 * control API), registered by an advertiser with {@code tt_video/authorize/}, read with {@code tt_video/info/} and
 * {@code tt_video/list/}, and required by {@code ad/create/} for a creative that names the post
 * ({@code tiktok_item_id} with {@code identity_type} AUTH_CODE).
 */
package io.adpulse.sandbox.spark;
