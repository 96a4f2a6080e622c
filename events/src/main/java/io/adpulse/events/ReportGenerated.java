package io.adpulse.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A client report was generated (on schedule or on demand) and can be downloaded.
 *
 * @param reportId    stable id of this generation
 * @param kind        e.g. {@code WEEKLY}
 * @param clientId    the client it is for
 * @param brandId     the brand it covers, {@code null} for a report over all of the client's brands
 * @param periodStart first day covered (in the advertisers' time zones)
 * @param periodEnd   last day covered, inclusive
 * @param formats     downloadable formats, e.g. {@code html}, {@code csv}
 * @param requestedBy {@code schedule} or the user who asked for it
 * @param generatedAt when it was generated
 */
public record ReportGenerated(String reportId, String kind, String clientId, String brandId, LocalDate periodStart,
        LocalDate periodEnd, List<String> formats, String requestedBy, Instant generatedAt) {
}
