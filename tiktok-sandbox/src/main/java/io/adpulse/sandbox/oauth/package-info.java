/**
 * TikTok's Marketing API authorization: the consent page an advertiser sees, single-use auth codes, long-lived
 * access tokens per grant, the {@code oauth2/*} endpoints and revocation.
 */
package io.adpulse.sandbox.oauth;
