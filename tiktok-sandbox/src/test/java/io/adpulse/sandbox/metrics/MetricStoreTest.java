package io.adpulse.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.catalog.CatalogSeeder;
import io.adpulse.sandbox.config.SandboxProperties;

class MetricStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-18T10:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SandboxProperties PROPERTIES =
            new SandboxProperties("app", "secret", 42, 60, 20, NOW, Duration.ofHours(1),
                    Duration.ofHours(2), Duration.ofDays(180), null);

    private final Catalog catalog = CatalogSeeder.seed(42, CLOCK, 60);
    private final MetricStore store = new MetricStore(catalog, PROPERTIES, CLOCK);
    private final Ad ad = catalog.ads(catalog.advertisers().get(0)).get(0);

    @Test
    void currentHourIsPartialAndOnlyGrows() {
        Instant hour = Instant.parse("2026-03-18T10:00:00Z");

        long early = spend(hour, hour.plus(Duration.ofMinutes(10)));
        long later = spend(hour, NOW);
        long full = spend(hour, hour.plus(Duration.ofHours(2)));

        assertThat(early).isLessThanOrEqualTo(later);
        assertThat(later).isLessThanOrEqualTo(full).isEqualTo(full / 2);
    }

    @Test
    void sameSeedSameFiguresInAnyOrder() {
        MetricStore other = new MetricStore(CatalogSeeder.seed(42, CLOCK, 60), PROPERTIES, CLOCK);
        Instant from = Instant.parse("2026-03-01T00:00:00Z");

        assertThat(hours(store, from)).isEqualTo(hours(other, from));
    }

    @Test
    void noDeliveryBeforeTheHistoryOrAfterNow() {
        List<Instant> hours = new ArrayList<>();
        store.forEachHour(ad, Instant.parse("2025-01-01T00:00:00Z"), NOW.plus(Duration.ofDays(3)), NOW,
                (hour, values) -> hours.add(hour));

        assertThat(hours.get(0)).isAfterOrEqualTo(catalog.advertiserOf(ad).dataFrom());
        assertThat(hours.get(hours.size() - 1)).isEqualTo(Instant.parse("2026-03-18T10:00:00Z"));
    }

    private long spend(Instant hour, Instant asOf) {
        return store.cell(ad, hour, asOf)[Metric.SPEND.ordinal()];
    }

    private static List<String> hours(MetricStore store, Instant from) {
        Catalog catalog = CatalogSeeder.seed(42, CLOCK, 60);
        List<String> cells = new ArrayList<>();
        for (Ad ad : catalog.ads(catalog.advertisers().get(1))) {
            store.forEachHour(ad, from, NOW, NOW, (hour, values) -> cells.add(ad.id() + hour + Arrays.toString(values)));
        }
        return cells;
    }
}
