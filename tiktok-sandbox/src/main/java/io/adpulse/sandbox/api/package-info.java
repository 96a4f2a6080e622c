/**
 * TikTok API for Business conventions shared by every {@code /open_api/v1.3/} endpoint: the
 * {@code code/message/request_id/data} envelope answered with HTTP 200 even for errors, the {@code X-Tt-Logid}
 * header, TikTok's error codes, JSON-encoded query values and page-number paging.
 */
package io.adpulse.sandbox.api;
