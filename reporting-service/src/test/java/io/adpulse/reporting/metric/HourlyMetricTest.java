package io.adpulse.reporting.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventSamples;
import io.adpulse.events.Granularity;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.MetricObserved;
import org.junit.jupiter.api.Test;

class HourlyMetricTest {

    private static EventEnvelope<MetricObserved> hourly(Integer hour) {
        MetricObserved d = EventSamples.metricObserved().data();
        var data = new MetricObserved(d.connectionId(), d.advertiserId(), d.level(), d.entityId(), Granularity.HOUR,
                d.statDate(), hour, d.timeZone(), d.currency(), d.metrics(), d.missing(), d.observedAt());
        return EventEnvelope.of("/test", d.advertiserId(), d.observedAt(), data, data.naturalKey());
    }

    @Test
    void mapsAnHourlyObservationWithItsLocalHourAndMissingMetricsAsNull() {
        HourlyMetric row = HourlyMetric.from(hourly(9));

        assertThat(row.statHour()).isEqualTo(9);
        assertThat(row.spend()).isEqualByComparingTo("123.45");
        assertThat(row.reach()).as("listed as missing").isNull();
    }

    @Test
    void refusesAnHourlyObservationWithoutAnHourAsInvalid() {
        assertThatThrownBy(() -> HourlyMetric.from(hourly(null))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no statHour");
    }

    @Test
    void refusesDailyObservations() {
        assertThatThrownBy(() -> HourlyMetric.from(EventSamples.metricObserved()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
