package io.adpulse.ingest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void equalAmountsWithDifferentScalesAreTheSameValue() {
        assertThat(Canonical.of(Map.of("spend", new BigDecimal("20.00"))))
                .isEqualTo(Canonical.of(Map.of("spend", new BigDecimal("20.000"))));
    }

    @Test
    void mapOrderDoesNotMatter() {
        Map<String, BigDecimal> a = new LinkedHashMap<>();
        a.put("spend", BigDecimal.ONE);
        a.put("clicks", BigDecimal.TEN);
        assertThat(Canonical.of(a)).isEqualTo(Canonical.of(new TreeMap<>(a)));
    }

    @Test
    void changedValuesAndMissingMetricsMakeADifferentValue() {
        String base = Canonical.of(Map.of("spend", new BigDecimal("20.00")), List.of());
        assertThat(Canonical.of(Map.of("spend", new BigDecimal("20.01")), List.of())).isNotEqualTo(base);
        assertThat(Canonical.of(Map.of(), List.of("spend"))).isNotEqualTo(Canonical.of(Map.of("spend", BigDecimal.ZERO), List.of()));
    }

    @Test
    void nullIsDistinctFromTheTextNull() {
        assertThat(Canonical.of((Object) null)).isNotEqualTo(Canonical.of("null"));
    }
}
