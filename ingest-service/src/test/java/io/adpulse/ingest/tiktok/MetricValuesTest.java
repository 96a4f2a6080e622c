package io.adpulse.ingest.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MetricValuesTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void decimalStringsKeepTheirValueAndScale() {
        MetricValues values = MetricValues.parse(json("{\"spend\":\"20.00\",\"impressions\":\"3765\"}"),
                List.of("spend", "impressions"));

        assertThat(values.values().get("spend")).isEqualTo(new BigDecimal("20.00"));
        assertThat(values.values().get("impressions")).isEqualTo(new BigDecimal("3765"));
        assertThat(values.missing()).isEmpty();
    }

    @Test
    void dashMeansMissingNeverZero() {
        MetricValues values = MetricValues.parse(json("{\"spend\":\"20.00\",\"reach\":\"-\"}"), List.of("spend", "reach"));

        assertThat(values.values()).doesNotContainKey("reach");
        assertThat(values.missing()).containsExactly("reach");
    }

    @Test
    void absentMetricIsMissing() {
        MetricValues values = MetricValues.parse(json("{\"spend\":\"1.5\"}"), List.of("spend", "video_play_actions"));

        assertThat(values.missing()).containsExactly("video_play_actions");
    }

    @Test
    void noMetricsObjectMeansEveryRequestedMetricIsMissing() {
        assertThat(MetricValues.parse(null, List.of("spend", "clicks")).missing()).containsExactly("spend", "clicks");
    }

    @Test
    void jsonNumbersAreAcceptedExactly() {
        MetricValues values = MetricValues.parse(json("{\"clicks\":53,\"spend\":20.10}"), List.of("clicks", "spend"));

        assertThat(values.values().get("clicks")).isEqualTo(new BigDecimal("53"));
        assertThat(values.values().get("spend")).isEqualTo(new BigDecimal("20.10"));
    }

    @Test
    void emptyNullAndNonNumericValuesAreMissing() {
        MetricValues values = MetricValues.parse(json("{\"a\":\"\",\"b\":null,\"c\":\"N/A\",\"d\":\"1e3\",\"e\":true}"),
                List.of("a", "b", "c", "d", "e"));

        assertThat(values.values()).isEmpty();
        assertThat(values.missing()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void unrequestedMetricsAreIgnored() {
        MetricValues values = MetricValues.parse(json("{\"spend\":\"2.00\",\"cpc\":\"0.38\"}"), List.of("spend"));

        assertThat(values.values()).containsOnlyKeys("spend");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
