package io.adpulse.reporting.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.events.EventSamples;
import io.adpulse.events.MetricObserved;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DailyMetricTest {

    @Test
    void mapsTikTokMetricNamesToColumnsAndLeavesMissingOrAbsentMetricsNull() {
        var event = EventSamples.metricObserved();

        DailyMetric row = DailyMetric.from(event);

        assertThat(row.spend()).isEqualByComparingTo("123.45");
        assertThat(row.impressions()).isEqualByComparingTo("45210");
        assertThat(row.clicks()).isEqualByComparingTo("612");
        assertThat(row.conversions()).isEqualByComparingTo("18");
        assertThat(row.conversionValue()).isEqualByComparingTo("540.20");
        assertThat(row.reach()).as("listed as missing").isNull();
        assertThat(row.videoViews()).as("absent").isNull();
        assertThat(row.eventId()).isEqualTo(event.id());
        assertThat(row.statDate()).isEqualTo(event.data().statDate());
    }

    @Test
    void metricListedAsMissingIsNullEvenWhenAValueCameWithIt() {
        var event = MetricEvents.daily("adv", "camp", "2026-11-19", EventSamples.T0,
                MetricEvents.values("spend", "5", "reach", "100"), "reach");

        assertThat(DailyMetric.from(event).reach()).isNull();
        assertThat(DailyMetric.from(event).spend()).isEqualTo(new BigDecimal("5"));
    }

    @Test
    void refusesHourlyObservations() {
        var sample = EventSamples.metricObserved();
        MetricObserved d = sample.data();
        var hourly = new MetricObserved(d.connectionId(), d.advertiserId(), d.level(), d.entityId(),
                io.adpulse.events.Granularity.HOUR, d.statDate(), 9, d.timeZone(), d.currency(), d.metrics(),
                d.missing(), d.observedAt());

        assertThatThrownBy(() -> DailyMetric.from(io.adpulse.events.EventEnvelope.of("/test", d.advertiserId(),
                d.observedAt(), hourly, hourly.naturalKey()))).isInstanceOf(IllegalArgumentException.class);
    }
}
