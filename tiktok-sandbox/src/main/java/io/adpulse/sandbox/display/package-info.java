/**
 * TikTok's Display API v2 for creators who authorized the app through Login Kit with scope {@code video.list}:
 * {@code POST /v2/video/list/} (cursor paging, newest first) and {@code POST /v2/video/query/}, over a seeded set of
 * videos per creator whose counts grow with the sandbox clock. Answers are TikTok v2's
 * {@code {"data":{...},"error":{"code","message","log_id"}}} with string error codes and HTTP error statuses.
 */
package io.adpulse.sandbox.display;
