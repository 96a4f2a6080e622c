package io.adpulse.reporting.metric;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object mother for daily campaign metric observations of this package's tests. */
final class MetricEvents {

    private MetricEvents() {
    }

    static Map<String, BigDecimal> values(String... nameValuePairs) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.put(nameValuePairs[i], new BigDecimal(nameValuePairs[i + 1]));
        }
        return values;
    }

    static EventEnvelope<MetricObserved> daily(String advertiserId, String campaignId, String date, Instant observedAt,
            Map<String, BigDecimal> metrics, String... missing) {
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                Granularity.DAY, LocalDate.parse(date), null, "America/New_York", "USD", metrics, List.of(missing),
                observedAt);
        return EventEnvelope.of("/adpulse/ingest-service", advertiserId, observedAt, data, data.naturalKey(),
                observedAt);
    }
}
