/**
 * Weekly client reports: generated on a schedule (and on demand) per client and per brand for the last ISO week over
 * in the advertisers' time zones, stored as HTML and CSV, listed and downloadable, and announced on
 * {@code reports.v1} through the outbox.
 */
package io.adpulse.reporting.report;
