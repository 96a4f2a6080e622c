/**
 * The TikTok API for Business authorisation-code flow: "connect" issues a one-time {@code state} and
 * sends the operator to TikTok's consent page; TikTok's redirect back (the callback) redeems the
 * state and the code, discovers every advertiser of the grant and connects them. Every failure ends
 * in a clear 4xx (502 when TikTok cannot be reached), as a problem or as a small page for browsers.
 */
package io.adpulse.auth.oauth;
