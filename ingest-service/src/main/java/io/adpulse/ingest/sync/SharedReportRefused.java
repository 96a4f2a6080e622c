package io.adpulse.ingest.sync;

/**
 * TikTok refused a report of several advertisers as asked (its cause: an advertiser the token may not read, a
 * parameter, a query too large). Not reported as an API error: the report is read one advertiser at a time instead,
 * so one advertiser's problem does not hold up the others.
 */
public final class SharedReportRefused extends RuntimeException {

    public SharedReportRefused(Throwable cause) {
        super("TikTok refused the report of several advertisers: " + cause.getMessage(), cause);
    }
}
