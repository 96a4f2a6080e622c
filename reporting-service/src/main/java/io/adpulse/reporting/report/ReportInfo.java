package io.adpulse.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored report without its content: which client (and brand) and week it covers, whether the schedule or a user
 * ({@code requestedBy}) asked for it, and when it was generated. Names are as they were at generation.
 */
record ReportInfo(String reportId, String kind, String clientId, String clientName, String brandId, String brandName,
        LocalDate periodStart, LocalDate periodEnd, boolean scheduled, String requestedBy, Instant generatedAt) {

    /** The kind of every report generated so far. */
    static final String WEEKLY = "WEEKLY";
    /** The formats every report can be downloaded in. */
    static final List<String> FORMATS = List.of("html", "csv");
    /** {@code requestedBy} of scheduled reports. */
    static final String SCHEDULE = "schedule";
}
