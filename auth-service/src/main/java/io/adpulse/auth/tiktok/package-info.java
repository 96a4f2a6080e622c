/**
 * Adapter for TikTok's API for Business OAuth endpoints (access token exchange, authorised
 * advertisers, token revocation). It speaks TikTok's envelope ({@code code}, {@code message},
 * {@code data}) and hands the rest of the service Adpulse records and two exceptions: TikTok said no
 * ({@link io.adpulse.auth.tiktok.TikTokRejectedException}) or TikTok could not be asked
 * ({@link io.adpulse.auth.tiktok.TikTokUnavailableException}). Timeouts and retries live here.
 */
package io.adpulse.auth.tiktok;
