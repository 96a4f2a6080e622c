package io.adpulse.ingest.sync;

/** A report row of a report of several advertisers, with the advertiser it belongs to. */
public record AdvertiserReportRow(String advertiserId, ReportRow row) {
}
